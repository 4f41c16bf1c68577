package nl.wijkroute.partner;

/** The kinds of partner organisations around a wijkteam (DOMAIN.md §1). */
public enum OrganisationType {
    WIJKTEAM,
    WELZIJN_MAATSCHAPPELIJK_WERK,
    GGZ,
    SCHULDHULP,
    WERK_EN_INKOMEN,
    JEUGDHULP,
    HUISARTS,
    VEILIG_THUIS,
    WONINGCORPORATIE,
    SCHOOL,
    POLITIE,
    GEMEENTE_TOEGANG,
    OVERIG
}

package nl.wijkroute.household;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fixed list of leefgebieden (life domains): the domains of the zelfredzaamheidsmatrix plus
 * opvoeden en opgroeien and veiligheid (DOMAIN.md §11). Signals, triage and vraagverheldering use it.
 */
@Schema(enumAsRef = true) // inline in a set, generated clients could not serialise it
public enum Leefgebied {
    FINANCIEN,
    WERK_EN_OPLEIDING,
    TIJDSBESTEDING,
    HUISVESTING,
    HUISELIJKE_RELATIES,
    GEESTELIJKE_GEZONDHEID,
    LICHAMELIJKE_GEZONDHEID,
    MIDDELENGEBRUIK,
    BASALE_ADL,
    INSTRUMENTELE_ADL,
    SOCIAAL_NETWERK,
    MAATSCHAPPELIJKE_PARTICIPATIE,
    JUSTITIE,
    OPVOEDEN_EN_OPGROEIEN,
    VEILIGHEID
}

package nl.wijkroute.toegang;

import nl.wijkroute.deadline.LegalTerm;

/** The laws under which toegang decides on provisions that are not freely accessible. */
public enum Law {
    WMO,
    JEUGDWET,
    PARTICIPATIEWET,
    WGS;

    /** The first term that starts running when the request is received. */
    LegalTerm firstTerm(boolean urgent) {
        return switch (this) {
            case WMO -> LegalTerm.WMO_ONDERZOEK;
            case JEUGDWET -> LegalTerm.JEUGDWET_BESLUIT;
            case PARTICIPATIEWET -> LegalTerm.PARTICIPATIEWET_BESLUIT;
            case WGS -> urgent ? LegalTerm.WGS_EERSTE_GESPREK_SPOED : LegalTerm.WGS_EERSTE_GESPREK;
        };
    }
}

package nl.wijkroute.system;

import java.time.ZoneId;

/**
 * The municipality's time zone, declared once. Working days, legal terms, "today" in validation, the
 * times shown in texts and the nightly jobs all follow the Dutch calendar day, never the server's (UTC).
 * {@link #TIME_ZONE} is the same zone as a constant expression, for annotations ({@code @Scheduled(zone = …)}).
 */
public final class MunicipalTime {

    public static final String TIME_ZONE = "Europe/Amsterdam";

    public static final ZoneId ZONE = ZoneId.of(TIME_ZONE);

    private MunicipalTime() {
    }
}

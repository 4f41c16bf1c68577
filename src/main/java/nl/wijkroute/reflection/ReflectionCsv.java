package nl.wijkroute.reflection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The session report as CSV: one row per fact (section, theme, key, value), so scores, evidence, notes and
 * actions fit one sheet and a spreadsheet can filter by section or theme.
 */
final class ReflectionCsv {

    static final String[] HEADER = {"onderdeel", "thema", "sleutel", "waarde"};

    /** The characters a spreadsheet starts a formula (or a DDE call) with; free text from the session is data. */
    private static final String FORMULA_LEADS = "=+-@\t\r";

    private ReflectionCsv() {
    }

    static String write(ReflectionDtos.ReportView report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            ReflectionDtos.SessionView s = report.session();
            row(csv, "sessie", null, "vorm", s.form());
            row(csv, "sessie", null, "datum", s.date());
            row(csv, "sessie", null, "scope", s.scopeType() + (s.scopeId() == null ? "" : " " + s.scopeId()));
            row(csv, "sessie", null, "status", s.status());
            row(csv, "sessie", null, "deelnemers", s.participantCount());
            row(csv, "sessie", null, "gescoord", s.scoredCount());
            if (report.results() != null) {
                for (ReflectionResults.ThemeResult t : report.results().themes()) {
                    row(csv, "score", t.label(), "rang", t.rank());
                    row(csv, "score", t.label(), "n", t.n());
                    row(csv, "score", t.label(), "mediaan", t.median());
                    row(csv, "score", t.label(), "gemiddelde", t.mean() == null ? null : Math.round(t.mean() * 100) / 100.0);
                    row(csv, "score", t.label(), "verdeling 1-10", t.suppressed() ? "onderdrukt" : t.distribution().toString());
                    row(csv, "score", t.label(), "verschil in beleving", t.verschilInBeleving() ? "ja" : "nee");
                    for (ReflectionResults.PerspectiveMedian p : t.perspectives()) {
                        row(csv, "score", t.label(), "mediaan " + p.perspective().label(), p.suppressed() ? "onderdrukt" : p.median());
                    }
                }
            }
            if (report.evidence() != null) {
                report.evidence().path("themes").forEach(theme -> theme.path("indicators").forEach(indicator ->
                        row(csv, "bewijs", theme.path("label").asText(), indicator.path("label").asText(),
                                indicator.path("suppressed").asBoolean() ? "onderdrukt"
                                        : indicator.path("value").isNull() ? null : indicator.path("value").asDouble())));
            }
            for (ReflectionDtos.NoteView note : report.notes()) {
                String label = note.theme().label();
                row(csv, "gesprek", label, "knelpunten", note.knelpunten());
                note.stellingen().forEach(st -> row(csv, "gesprek", label, "stelling",
                        st.text() + " (eens " + st.agree() + ", oneens " + st.disagree() + ")"));
                row(csv, "gesprek", label, "casus", note.casus());
                row(csv, "gesprek", label, "oplossingsrichtingen", note.oplossingsrichtingen());
            }
            for (ReflectionDtos.ActionView a : report.actions()) {
                String label = a.theme().label();
                row(csv, "actie", label, "doel", a.goal());
                row(csv, "actie", label, "morgen anders", a.tomorrow());
                row(csv, "actie", label, "nodig", a.needs());
                row(csv, "actie", label, "eigenaar", a.owner());
                row(csv, "actie", label, "start", a.startDate());
                row(csv, "actie", label, "evaluatie", a.evaluationDate());
                row(csv, "actie", label, "beleidswijziging", a.policyChangeNeeded() ? "ja, " + a.policyOwner() : "nee");
                row(csv, "actie", label, "status", a.status());
                row(csv, "actie", label, "evaluatie-uitkomst", a.evaluation());
            }
            for (ReflectionDtos.ActionView a : report.carriedOver()) {
                row(csv, "doorlopende actie", a.theme().label(), a.goal(), a.evaluationDate());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(CSVPrinter csv, String section, String theme, String key, Object value) {
        try {
            csv.printRecord(section, theme, text(key), value instanceof String s ? text(s) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A leading single quote makes a spreadsheet show the cell as text instead of evaluating it. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_LEADS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

package nl.wijkroute.privacy.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The access log as CSV for the privacy officer's spreadsheet: RFC 4180 quoting by Commons CSV, one
 * row at a time onto the response, and every text cell that a spreadsheet would read as a formula
 * neutralised (OWASP "CSV injection"): user names, organisations and purposes come from tokens and
 * free text, so none of them may start a formula when the file is opened.
 */
final class AccessLogCsv implements AutoCloseable {

    static final String[] HEADER = {"id", "tijdstip", "gebruiker", "rol", "organisatie", "huishouden", "casus", "categorie",
            "handeling", "doel", "uitkomst", "doorbraak"};

    /** The characters a spreadsheet starts a formula (or a DDE call) with; tab and CR included, as OWASP lists. */
    private static final String FORMULA_LEADS = "=+-@\t\r";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final CSVPrinter printer;

    AccessLogCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    void print(AccessLogQueries.Row row) {
        try {
            printer.printRecord(row.id(), row.at(), text(row.username()), text(row.role()), text(row.organisation()),
                    ids(row.householdId(), row.householdIds()), ids(row.caseId(), row.caseIds()), text(row.category()), text(row.action()), text(row.purpose()),
                    text(row.outcome()), row.breakGlass());
        } catch (IOException e) {
            // The client went away or the connection broke: stop reading the log, nothing else to do.
            throw new UncheckedIOException(e);
        }
    }

    /** One id, or the ids a list showed separated by spaces (a list entry names them all). */
    private static String ids(UUID single, List<UUID> listed) {
        if (listed != null) {
            return String.join(" ", listed.stream().map(UUID::toString).toList());
        }
        return single == null ? "" : single.toString();
    }

    /** A leading single quote makes a spreadsheet show the cell as text instead of evaluating it. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_LEADS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Flushes what is buffered; the response's stream itself belongs to the servlet container. */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}

package nl.wijkroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module reads and writes only its own tables with SQL (decision 0052). Another module's data is read
 * through the owner's service API or through a view the owner publishes and declares in its
 * {@code <Owner>ReadModels} class. ModularityTest sees Java types only; native SQL is text, so this test reads
 * the main sources: every string literal and text block of a module, scanned for the table after
 * {@code from}, {@code join}, {@code update} and {@code into}. A table belongs to the module whose entity
 * maps it, or, without an entity, to the module named in {@link #TABLES_WITHOUT_ENTITY}; the engine's
 * {@code act_*} tables belong to the engine. No Spring context: it only reads files.
 *
 * <p>Heuristic on purpose: a table name built at run time is not seen, and Java text that happens to read
 * "from &lt;a table name&gt;" is taken for SQL. Table names are lower case and JPQL names entities in
 * CamelCase, so JPQL does not count.
 */
class SqlBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java/nl/wijkroute");
    private static final Path MIGRATIONS = Path.of("db/migration");

    /** Tables without a JPA entity, and the module whose code writes them. */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.ofEntries(
            Map.entry("access_log", "privacy.accesslog"),
            // the seal of each entry and the entries still to be sealed (V65, decision 0059)
            Map.entry("access_log_chain", "privacy.accesslog"),
            Map.entry("access_log_unsealed", "privacy.accesslog"),
            Map.entry("break_glass_access", "privacy.breakglass"),
            // the dashboard's counts per day (V58, decision 0055), fed from the owners' reporting views
            Map.entry("dashboard_aggregate_state", "dashboard"),
            Map.entry("dashboard_case_involvement", "dashboard"),
            Map.entry("dashboard_flow_day", "dashboard"),
            Map.entry("dashboard_stage_day", "dashboard"),
            Map.entry("dashboard_stage_key", "dashboard"),
            // stays ended per day, stage and duration bucket, for the lead times' percentiles (V71, decision 0064)
            Map.entry("dashboard_stay_duration_day", "dashboard"),
            Map.entry("idempotency_record", "system"),
            // the pepper of household's advisory locks; written by its migration, read only by household
            Map.entry("installation_secret", "household"),
            // first and latest score per member's leefgebied cell, fed by a trigger on the scores (V68, decision 0062)
            Map.entry("leefgebied_score_cell", "assessment"),
            Map.entry("reflection_action", "reflection"),
            Map.entry("reflection_knelpunt", "reflection"),
            Map.entry("reflection_note", "reflection"),
            Map.entry("reflection_participant", "reflection"),
            Map.entry("reflection_score", "reflection"),
            Map.entry("reflection_session", "reflection"),
            Map.entry("resident_view_disclosure", "privacy.resident"),
            // "ever had a safety concern", one row per case (V61, decision 0057)
            Map.entry("safety_concern", "safety"),
            Map.entry("shedlock", "system"),
            // fed by a trigger on route's step history
            Map.entry("stage_stay", "route"));

    /** The engine's tables (act_*): only these modules may query them (the Camunda Java API preferably). */
    private static final Set<String> ENGINE_READERS = Set.of("route", "toegang", "operations", "system");

    /** Dev-only demo data, driven through every module (as in ModularityTest). */
    private static final Set<String> EXEMPT_READERS = Set.of("demo");

    private static final Pattern TABLE_AFTER_KEYWORD =
            Pattern.compile("(?i:\\b(?:from|join|update|into)\\s+)(?:public\\.)?([A-Za-z_][A-Za-z0-9_]*)\\b");
    private static final Pattern TABLE_ANNOTATION =
            Pattern.compile("@(?:Collection)?Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern VIEW_DDL =
            Pattern.compile("(?i)(create\\s+(?:or\\s+replace\\s+)?|drop\\s+)view\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern MIGRATION_VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern READ_MODEL_CONSTANT =
            Pattern.compile("public\\s+static\\s+final\\s+String\\s+\\w+\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    /** A ReadModels constant with its optional {@code @ReadBy}: readers (1), constant name (2), view (3). */
    private static final Pattern READ_MODEL_WITH_READERS = Pattern.compile(
            "(?:@ReadBy\\(\\s*\\{?([^)}]*)}?\\s*\\)\\s*)?public\\s+static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");

    @Test
    void modulesUseOnlyTheirOwnTablesInSql() {
        Map<String, String> owners = tableOwners();
        Set<String> crossings = new TreeSet<>();
        sources().forEach((file, module) -> {
            if (EXEMPT_READERS.contains(module)) {
                return;
            }
            Matcher matcher = TABLE_AFTER_KEYWORD.matcher(String.join(" ", literals(read(file))));
            while (matcher.find()) {
                String table = matcher.group(1);
                boolean engine = table.toLowerCase().startsWith("act_");
                // Table names are lower case; a CamelCase name after "from" is JPQL's entity (ModularityTest's part).
                String owner = engine ? "engine" : owners.get(table);
                table = table.toLowerCase();
                if (owner == null || owner.equals(module) || owner.equals("engine") && ENGINE_READERS.contains(module)) {
                    continue; // not a table (a view, a CTE, a column), or one the module may use
                }
                crossings.add(module + " -> " + owner + "." + table);
            }
        });
        assertThat(crossings).as("SQL that reads or writes another module's table (use the owner's view or service, decision 0052)")
                .isEmpty();
    }

    /**
     * A view that holds a BSN, user names or per-member data names its readers with {@code @ReadBy} on its
     * constant; no other module's SQL names the view, and no other module's code names its constant (the
     * dashboard's statements name views by token and resolve them through the constants).
     */
    @Test
    void restrictedViewsAreReadOnlyByTheirDeclaredReaders() {
        Map<String, RestrictedView> restricted = restrictedViews();
        assertThat(restricted).as("the BSN and access-log views are restricted")
                .containsKeys("household_member_by_bsn_view", "privacy_accesslog_break_glass_view",
                        "privacy_accesslog_granted_access_view");
        Set<String> violations = new TreeSet<>();
        sources().forEach((file, module) -> {
            if (!EXEMPT_READERS.contains(module)) {
                violations.addAll(restrictedReads(module, read(file), restricted));
            }
        });
        assertThat(violations).as("a module names a view it is not among the @ReadBy readers of").isEmpty();
    }

    /** The check itself on a made-up source: the dashboard naming the BSN view, by name or by its constant. */
    @Test
    void aModuleNotAmongTheReadersIsCaught() {
        Map<String, RestrictedView> restricted = restrictedViews();
        String byName = "class X { String q = \"select bsn from household_member_by_bsn_view\"; }";
        String byConstant = "class X { String q = \"select bsn from %s\".formatted(HouseholdReadModels.MEMBER_BY_BSN_VIEW); }";
        assertThat(restrictedReads("dashboard", byName, restricted))
                .containsExactly("dashboard -> household.household_member_by_bsn_view");
        assertThat(restrictedReads("dashboard", byConstant, restricted))
                .containsExactly("dashboard -> household.household_member_by_bsn_view");
        assertThat(restrictedReads("privacy.resident", byName, restricted)).isEmpty();
        assertThat(restrictedReads("household", byConstant, restricted)).as("the owner").isEmpty();
    }

    private record RestrictedView(String owner, String ownerClass, String constant, Set<String> readers) {
    }

    /** View name → its owner, constant and readers, for the ReadModels constants that carry {@code @ReadBy}. */
    private static Map<String, RestrictedView> restrictedViews() {
        Map<String, RestrictedView> restricted = new TreeMap<>();
        sources().forEach((file, module) -> {
            String name = file.getFileName().toString();
            if (name.endsWith("ReadModels.java")) {
                Matcher matcher = READ_MODEL_WITH_READERS.matcher(read(file));
                while (matcher.find()) {
                    if (matcher.group(1) != null) {
                        Set<String> readers = new TreeSet<>(literals(matcher.group(1)));
                        restricted.put(matcher.group(3), new RestrictedView(module, name.replace(".java", ""),
                                matcher.group(2), readers));
                    }
                }
            }
        });
        return restricted;
    }

    /** The restricted views a module's source names, in SQL text or through the constant, without being a reader. */
    private static Set<String> restrictedReads(String module, String source, Map<String, RestrictedView> restricted) {
        String sql = String.join(" ", literals(source));
        Set<String> found = new TreeSet<>();
        restricted.forEach((view, declared) -> {
            if (declared.owner().equals(module) || declared.readers().contains(module)) {
                return;
            }
            boolean named = Pattern.compile("\\b" + view + "\\b").matcher(sql).find()
                    || Pattern.compile("\\b" + declared.ownerClass() + "\\s*\\.\\s*" + declared.constant() + "\\b").matcher(source).find()
                    || Pattern.compile("import\\s+static\\s+[\\w.]*\\." + declared.ownerClass() + "\\.(?:" + declared.constant() + "|\\*)\\s*;")
                            .matcher(source).find();
            if (named) {
                found.add(module + " -> " + declared.owner() + "." + view);
            }
        });
        return found;
    }

    @Test
    void everyTableHasOneOwningModule() {
        Map<String, String> owners = tableOwners();
        Set<String> created = matches(CREATE_TABLE, migrations());
        assertThat(created).as("tables created by a migration need an entity or an entry in TABLES_WITHOUT_ENTITY")
                .allMatch(owners::containsKey);
    }

    /** A published view is declared by its owner, named after it, and exists; every view is published. */
    @Test
    void everyViewIsAReadModelDeclaredByItsOwner() {
        Set<String> views = existingViews();
        Map<String, String> declared = new TreeMap<>();
        sources().forEach((file, module) -> {
            if (file.getFileName().toString().endsWith("ReadModels.java")) {
                Matcher matcher = READ_MODEL_CONSTANT.matcher(read(file));
                while (matcher.find()) {
                    declared.put(matcher.group(1), module);
                }
            }
        });
        declared.forEach((view, owner) -> assertThat(view).as("view declared by " + owner)
                .startsWith(owner.replace('.', '_') + "_").endsWith("_view").isIn(views));
        assertThat(declared.keySet()).as("views created by a migration are declared in their owner's ReadModels")
                .containsAll(views);
    }

    /** Table name → owning module: from the entities' @Table/@CollectionTable, and the explicit list. */
    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new HashMap<>(TABLES_WITHOUT_ENTITY);
        sources().forEach((file, module) -> {
            Matcher matcher = TABLE_ANNOTATION.matcher(read(file));
            while (matcher.find()) {
                String previous = owners.put(matcher.group(1), module);
                assertThat(previous).as("table " + matcher.group(1) + " has one owner").isIn(null, module);
            }
        });
        return owners;
    }

    /** Every main source file with its module: the package under nl.wijkroute, privacy.* one level deeper. */
    private static Map<Path, String> sources() {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    return; // the application class and the module detection
                }
                String module = relative.getName(0).toString();
                if (module.equals(CapabilityModules.GROUPING_PACKAGE) && relative.getNameCount() > 2) {
                    module = module + "." + relative.getName(1);
                }
                sources.put(file, module);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            StringBuilder all = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".sql")).sorted()
                    .forEach(file -> all.append(read(file).replaceAll("--[^\n]*", "")).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The views the migrations leave, in the order Flyway runs them: a view dropped by a later migration (V68 drops
     * the per-score view its only reader no longer needs) is gone unless created again.
     */
    private static Set<String> existingViews() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            Set<String> views = new TreeSet<>();
            files.filter(file -> MIGRATION_VERSION.matcher(file.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.comparingInt(file -> {
                        Matcher version = MIGRATION_VERSION.matcher(file.getFileName().toString());
                        version.matches();
                        return Integer.parseInt(version.group(1));
                    }))
                    .forEach(file -> {
                        Matcher matcher = VIEW_DDL.matcher(read(file).replaceAll("--[^\n]*", ""));
                        while (matcher.find()) {
                            String view = matcher.group(2).toLowerCase();
                            if (matcher.group(1).toLowerCase().startsWith("drop")) {
                                views.remove(view);
                            } else {
                                views.add(view);
                            }
                        }
                    });
            return views;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).toLowerCase());
        }
        return found;
    }

    /**
     * The contents of the string literals and text blocks of a Java source, comments and char literals
     * skipped. Escapes are kept as written: SQL rarely has them and the scan does not need them resolved.
     */
    static List<String> literals(String source) {
        List<String> literals = new java.util.ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

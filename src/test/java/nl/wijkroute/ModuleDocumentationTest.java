package nl.wijkroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * docs/modules (component diagram, one diagram and one canvas per module) is generated from the code by
 * Spring Modulith's Documenter. This test regenerates it and fails when the committed copy was out of date,
 * so the picture cannot drift from the code: run it, then commit docs/modules.
 */
class ModuleDocumentationTest {

    private static final Path DOCS = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "modules-docs");

    @Test
    void moduleDocumentationIsGeneratedFromTheCode() throws IOException {
        new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> generated = read(GENERATED);
        generated.replaceAll((name, text) -> name.endsWith(".puml") ? stableRelations(text)
                : name.endsWith(".adoc") ? stableLists(text) : text);
        Map<String, String> committed = read(DOCS);

        if (!generated.equals(committed)) {
            Files.createDirectories(DOCS);
            for (String stale : committed.keySet()) {
                Files.delete(DOCS.resolve(stale));
            }
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(committed).as("docs/modules was out of date and has been regenerated: commit it").isEqualTo(generated);
    }

    /**
     * A canvas lists a cell's items (e.g. the events a module listens to) in the order reflection found them, which
     * changes between runs; sorted, an unchanged module is an unchanged file. A cell's list starts with "|* " and
     * goes on with "* " lines.
     */
    static String stableLists(String adoc) {
        List<String> out = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String line : adoc.split("\n", -1)) {
            if (line.startsWith("|* ") || !items.isEmpty() && line.startsWith("* ")) {
                if (line.startsWith("|* ")) {
                    flushItems(items, out);
                }
                items.add(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            flushItems(items, out);
            out.add(line);
        }
        flushItems(items, out);
        return String.join("\n", out);
    }

    private static void flushItems(List<String> items, List<String> out) {
        if (items.isEmpty()) {
            return;
        }
        items.sort(null);
        out.add("|" + items.get(0));
        out.addAll(items.subList(1, items.size()));
        items.clear();
    }

    /** The Documenter writes a diagram's relations in hash order; sorted, an unchanged picture is an unchanged file. */
    static String stableRelations(String puml) {
        List<String> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : puml.split("\n", -1)) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            out.addAll(relations);
            relations.clear();
            out.add(line);
        }
        relations.sort(null);
        out.addAll(relations);
        return String.join("\n", out);
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

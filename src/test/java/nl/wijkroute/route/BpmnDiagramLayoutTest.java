package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams are read by a municipality's process owner (Camunda Modeler, docs/bpmn/*.svg), so their
 * layout is checked like code: every element drawn, no label on top of another label or a shape, no
 * shape on top of another, no flow drawn through a shape or on top of an unrelated flow, and each
 * process diagram shaped to fit one landscape page. Applies to every bpmn/*.bpmn, also new ones; the
 * rules are listed for authors in docs/bpmn/README.md.
 */
class BpmnDiagramLayoutTest {

    /** A4 landscape is 1.41 : 1; a little room either way, but never a strip or a portrait page. */
    static final double MIN_ASPECT = 1.2;
    static final double MAX_ASPECT = 1.8;
    /**
     * A short process (one row of a few steps) may be a strip as long as it is no wider than this: printed
     * across an A4 landscape page its 11px labels are still about 6.5 pt. Wider diagrams must be page-shaped,
     * or they print too small to read.
     */
    static final double MAX_STRIP_WIDTH = 1300;
    /** bpmn-js draws external labels in 11px Arial wrapped at 90px, 1.2 line height (see estimate()). */
    static final double FONT_SIZE = 11;
    static final double WRAP_WIDTH = 90;
    static final double LINE_HEIGHT = FONT_SIZE * 1.2;
    /** Touching borders is fine (flows end on shapes); only real overlap counts. */
    static final double TOLERANCE = 1;

    static Stream<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @Test
    void allRouteDiagramsAreChecked() throws IOException {
        assertThat(bpmnFiles().map(p -> p.getFileName().toString()))
                .contains("routekaart.bpmn", "toegang.bpmn", "warme-overdracht.bpmn", "escalatie.bpmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void diagramIsReadable(Path file) {
        assertThat(problemsOf(Bpmn.readModelFromFile(file.toFile()))).as(file + " layout problems").isEmpty();
    }

    // The checks themselves: each one, given today's routekaart with one thing broken, names it.

    @Test
    void findsAnElementWithoutShape() {
        BpmnModelInstance model = routekaart();
        BpmnShape triage = shape(model, "triage");
        triage.getParentElement().removeChildElement(triage);
        assertThat(problemsOf(model)).contains("triage has no diagram shape/edge");
    }

    @Test
    void findsANamedElementWithoutLabelBounds() {
        BpmnModelInstance model = routekaart();
        BpmnShape mergePlan = shape(model, "mergePlan");
        mergePlan.removeChildElement(mergePlan.getBpmnLabel());
        assertThat(problemsOf(model)).anyMatch(p -> p.startsWith("mergePlan ('Naar het plan') has no label bounds"));
    }

    @Test
    void findsLabelsOnTopOfEachOther() {
        BpmnModelInstance model = routekaart();
        Bounds planChoice = shape(model, "planChoice").getBpmnLabel().getBounds();
        Bounds mergePlan = shape(model, "mergePlan").getBpmnLabel().getBounds();
        mergePlan.setX(planChoice.getX() + 5);
        mergePlan.setY(planChoice.getY());
        assertThat(problemsOf(model))
                .anyMatch(p -> p.matches("label of (mergePlan|planChoice) .* overlaps label of (mergePlan|planChoice) .*"));
    }

    @Test
    void findsALabelOnAShape() {
        BpmnModelInstance model = routekaart();
        Bounds task = shape(model, "plan").getBounds();
        Bounds label = edge(model, "toPlan").getBpmnLabel().getBounds();
        label.setX(task.getX() + 10);
        label.setY(task.getY() + 10);
        assertThat(problemsOf(model)).anyMatch(p -> p.startsWith("label of toPlan ('Naar het plan') overlaps shape plan"));
    }

    @Test
    void findsShapesOnTopOfEachOther() {
        BpmnModelInstance model = routekaart();
        shape(model, "plan").getBounds().setX(shape(model, "vraagverheldering").getBounds().getX() + 20);
        assertThat(problemsOf(model)).anyMatch(p -> p.matches("shape (plan|vraagverheldering) overlaps shape (plan|vraagverheldering)"));
    }

    @Test
    void findsAFlowThroughATask() {
        BpmnModelInstance model = routekaart();
        // Terug naar triage drawn along the row instead of beneath it.
        List<Waypoint> points = new ArrayList<>(edge(model, "backToTriage").getWaypoints());
        double row = shape(model, "vraagverheldering").getBounds().getY() + 40;
        points.get(1).setY(row);
        points.get(2).setY(row);
        assertThat(problemsOf(model)).contains("flow backToTriage passes through shape vraagverheldering");
    }

    @Test
    void findsFlowsDrawnOnTheSameLine() {
        BpmnModelInstance model = routekaart();
        // Terug naar vraagverheldering on the level of terug naar triage: the two share a stretch of line.
        List<Waypoint> points = new ArrayList<>(edge(model, "backToVraagverheldering").getWaypoints());
        double level = new ArrayList<>(edge(model, "backToTriage").getWaypoints()).get(1).getY();
        points.get(1).setY(level);
        points.get(2).setY(level);
        assertThat(problemsOf(model))
                .contains("flows backToTriage and backToVraagverheldering are drawn on top of each other");
    }

    @Test
    void findsADiagramThatIsNoLandscapePage() {
        BpmnModelInstance model = routekaart();
        Bounds end = shape(model, "closedAfterNazorg").getBounds();
        end.setX(end.getX() + 2000);
        assertThat(problemsOf(model)).anyMatch(p -> p.startsWith("diagram routekaart is") && p.contains("not a landscape page"));
    }

    static List<String> problemsOf(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        checkEverythingIsDrawn(model, problems);
        for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
            new PlaneCheck(plane, problems).run();
        }
        return problems;
    }

    private static BpmnModelInstance routekaart() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "routekaart.bpmn").toFile());
        assertThat(problemsOf(model)).as("routekaart as committed").isEmpty();
        return model;
    }

    private static BpmnShape shape(BpmnModelInstance model, String elementId) {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null && s.getBpmnElement().getId().equals(elementId))
                .findFirst().orElseThrow();
    }

    private static BpmnEdge edge(BpmnModelInstance model, String elementId) {
        return model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null && e.getBpmnElement().getId().equals(elementId))
                .findFirst().orElseThrow();
    }

    /** Every flow node, sequence flow, boundary event and artifact has exactly one shape or edge. */
    private static void checkEverythingIsDrawn(BpmnModelInstance model, List<String> problems) {
        Map<String, Integer> drawn = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null) {
                drawn.merge(shape.getBpmnElement().getId(), 1, Integer::sum);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() != null) {
                drawn.merge(edge.getBpmnElement().getId(), 1, Integer::sum);
            }
        }
        List<BaseElement> drawable = new ArrayList<>();
        drawable.addAll(model.getModelElementsByType(FlowNode.class));
        drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
        drawable.addAll(model.getModelElementsByType(Artifact.class));
        for (BaseElement element : drawable) {
            int count = drawn.getOrDefault(element.getId(), 0);
            if (count == 0) {
                problems.add(element.getId() + " has no diagram shape/edge");
            } else if (count > 1) {
                problems.add(element.getId() + " is drawn " + count + " times");
            }
        }
    }

    /** The checks within one plane (the process, or a collapsed subprocess drilled into). */
    private static final class PlaneCheck {
        private final BpmnPlane plane;
        private final List<String> problems;
        private final List<Item> shapes = new ArrayList<>();
        private final List<Item> containers = new ArrayList<>();
        private final List<Item> labels = new ArrayList<>();
        private final List<EdgeItem> edges = new ArrayList<>();
        private final Map<String, Item> shapeById = new HashMap<>();

        PlaneCheck(BpmnPlane plane, List<String> problems) {
            this.plane = plane;
            this.problems = problems;
        }

        void run() {
            collect();
            checkShapes();
            checkLabels();
            checkEdges();
            if (plane.getBpmnElement() instanceof Process) {
                checkPageShape();
            }
        }

        private void collect() {
            for (DiagramElement element : plane.getDiagramElements()) {
                if (element instanceof BpmnShape shape && shape.getBpmnElement() != null) {
                    BaseElement semantic = shape.getBpmnElement();
                    Item item = new Item(semantic.getId(), semantic, rect(shape.getBounds()));
                    shapeById.put(item.id, item);
                    if (semantic instanceof SubProcess && "true".equals(shape.getAttributeValue("isExpanded"))) {
                        containers.add(item);
                    } else {
                        shapes.add(item);
                    }
                    if (hasExternalLabel(semantic)) {
                        Rect box = item.box;
                        addLabel(semantic, shape.getBpmnLabel(), new Rect(box.centerX() - 45, box.y + box.h, 90, 20));
                    }
                }
            }
            for (DiagramElement element : plane.getDiagramElements()) {
                if (element instanceof BpmnEdge edge && edge.getBpmnElement() != null) {
                    BaseElement semantic = edge.getBpmnElement();
                    List<double[]> points = new ArrayList<>();
                    for (Waypoint w : edge.getWaypoints()) {
                        points.add(new double[] {w.getX(), w.getY()});
                    }
                    EdgeItem item = new EdgeItem(semantic.getId(), semantic, points);
                    edges.add(item);
                    if (semantic instanceof SequenceFlow flow && hasName(flow.getName())) {
                        addLabel(semantic, edge.getBpmnLabel(), defaultFlowLabel(points));
                    }
                }
            }
        }

        /**
         * A label without stored bounds is a problem of its own, and is still checked where bpmn-js puts it
         * by default (under a shape, on the middle of a flow).
         */
        private void addLabel(BaseElement semantic, BpmnLabel label, Rect defaultSpot) {
            String name = nameOf(semantic);
            Rect di;
            if (label == null || label.getBounds() == null) {
                problems.add(semantic.getId() + " ('" + name + "') has no label bounds: Modeler puts the"
                        + " label at a default spot, on top of whatever is there");
                di = defaultSpot;
            } else {
                di = rect(label.getBounds());
            }
            labels.add(new Item(semantic.getId(), semantic, di.union(estimate(name, di))));
        }

        private void checkShapes() {
            for (int i = 0; i < shapes.size(); i++) {
                for (int j = i + 1; j < shapes.size(); j++) {
                    Item a = shapes.get(i);
                    Item b = shapes.get(j);
                    if (attachedTo(a, b) || attachedTo(b, a)) {
                        continue;
                    }
                    if (a.box.overlaps(b.box)) {
                        problems.add("shape " + a.id + " overlaps shape " + b.id);
                    }
                }
            }
            for (Item shape : shapes) {
                if (shape.semantic instanceof BoundaryEvent boundary) {
                    Item host = shapeById.get(boundary.getAttachedTo().getId());
                    if (host != null && !host.box.border().contains(shape.box.centerX(), shape.box.centerY())) {
                        problems.add("boundary event " + shape.id + " is not on the border of " + host.id);
                    }
                }
            }
            for (Item container : containers) {
                for (Item shape : shapes) {
                    boolean inside = isDescendant(shape.semantic, container.semantic);
                    if (inside && !container.box.containsRect(shape.box)) {
                        problems.add("shape " + shape.id + " sticks out of its subprocess " + container.id);
                    } else if (!inside && container.box.overlaps(shape.box)
                            && !(shape.semantic instanceof BoundaryEvent b
                                    && b.getAttachedTo().getId().equals(container.id))) {
                        problems.add("shape " + shape.id + " overlaps subprocess " + container.id);
                    }
                }
                for (Item other : containers) {
                    if (other != container && container.box.overlaps(other.box)
                            && !isDescendant(other.semantic, container.semantic)
                            && !isDescendant(container.semantic, other.semantic)) {
                        problems.add("subprocess " + container.id + " overlaps subprocess " + other.id);
                    }
                }
            }
        }

        private void checkLabels() {
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    Item a = labels.get(i);
                    Item b = labels.get(j);
                    if (a.box.overlaps(b.box)) {
                        problems.add("label of " + a.id + " ('" + nameOf(a.semantic) + "') overlaps label of "
                                + b.id + " ('" + nameOf(b.semantic) + "')");
                    }
                }
                Item label = labels.get(i);
                for (Item shape : shapes) {
                    if (!shape.id.equals(label.id) && label.box.overlaps(shape.box)) {
                        problems.add("label of " + label.id + " ('" + nameOf(label.semantic) + "') overlaps shape "
                                + shape.id);
                    }
                }
                for (Item container : containers) {
                    // A label belongs inside the subprocess its element is in, and outside any other.
                    boolean inside = isDescendant(label.semantic, container.semantic);
                    if (inside ? !container.box.containsRect(label.box) : container.box.overlaps(label.box)) {
                        problems.add("label of " + label.id + " crosses the border of subprocess " + container.id);
                    }
                }
            }
        }

        private void checkEdges() {
            for (EdgeItem edge : edges) {
                Set<String> ends = endsOf(edge);
                if (edge.points.size() < 2) {
                    problems.add("flow " + edge.id + " has fewer than two waypoints");
                    continue;
                }
                String source = sourceId(edge.semantic);
                String target = targetId(edge.semantic);
                checkEndpoint(edge, source, edge.points.get(0), "start");
                checkEndpoint(edge, target, edge.points.get(edge.points.size() - 1), "end");
                for (int s = 0; s + 1 < edge.points.size(); s++) {
                    double[] p = edge.points.get(s);
                    double[] q = edge.points.get(s + 1);
                    for (Item shape : shapes) {
                        if (!ends.contains(shape.id) && shape.box.shrink(TOLERANCE).intersectsSegment(p, q)) {
                            problems.add("flow " + edge.id + " passes through shape " + shape.id);
                        }
                    }
                    for (Item container : containers) {
                        boolean related = ends.stream().map(shapeById::get)
                                .anyMatch(end -> end != null && isDescendant(end.semantic, container.semantic));
                        if (!related && !ends.contains(container.id)
                                && container.box.shrink(TOLERANCE).intersectsSegment(p, q)) {
                            problems.add("flow " + edge.id + " passes through subprocess " + container.id);
                        }
                    }
                    for (Item label : labels) {
                        if (!label.id.equals(edge.id) && label.box.shrink(TOLERANCE).intersectsSegment(p, q)) {
                            problems.add("flow " + edge.id + " passes through the label of " + label.id + " ('"
                                    + nameOf(label.semantic) + "')");
                        }
                    }
                }
            }
            for (int i = 0; i < edges.size(); i++) {
                for (int j = i + 1; j < edges.size(); j++) {
                    EdgeItem a = edges.get(i);
                    EdgeItem b = edges.get(j);
                    // Flows into the same node may join, flows out of one gateway may share their first stretch.
                    if (sourceId(a.semantic).equals(sourceId(b.semantic))
                            || targetId(a.semantic).equals(targetId(b.semantic))) {
                        continue;
                    }
                    if (runOnTopOfEachOther(a, b)) {
                        problems.add("flows " + a.id + " and " + b.id + " are drawn on top of each other");
                    }
                }
            }
        }

        private void checkEndpoint(EdgeItem edge, String nodeId, double[] point, String which) {
            Item node = shapeById.get(nodeId);
            if (node == null) {
                problems.add("flow " + edge.id + " connects " + nodeId + ", which is not drawn in the same diagram");
            } else if (!node.box.grow(3).contains(point[0], point[1])) {
                problems.add("flow " + edge.id + " does not " + which + " at " + nodeId);
            }
        }

        private void checkPageShape() {
            Rect all = null;
            for (Item item : shapes) {
                all = item.box.union(all);
            }
            for (Item item : containers) {
                all = item.box.union(all);
            }
            for (Item item : labels) {
                all = item.box.union(all);
            }
            for (EdgeItem edge : edges) {
                for (double[] p : edge.points) {
                    all = new Rect(p[0], p[1], 0, 0).union(all);
                }
            }
            if (all == null) {
                return;
            }
            double aspect = all.w / all.h;
            boolean shortStrip = aspect > MAX_ASPECT && all.w <= MAX_STRIP_WIDTH;
            if (aspect < MIN_ASPECT || (aspect > MAX_ASPECT && !shortStrip)) {
                problems.add(String.format(java.util.Locale.ROOT,
                        "diagram %s is %.0f x %.0f (aspect %.2f): not a landscape page (%.1f..%.1f, A4 = 1.41)",
                        plane.getBpmnElement().getId(), all.w, all.h, aspect, MIN_ASPECT, MAX_ASPECT));
            }
        }

        private boolean attachedTo(Item boundary, Item host) {
            return boundary.semantic instanceof BoundaryEvent b && b.getAttachedTo().getId().equals(host.id);
        }

        /** The shapes an edge may touch: its own source and target, and the host of a boundary end. */
        private Set<String> endsOf(EdgeItem edge) {
            Set<String> ends = new HashSet<>();
            for (String id : List.of(sourceId(edge.semantic), targetId(edge.semantic))) {
                ends.add(id);
                Item item = shapeById.get(id);
                if (item != null && item.semantic instanceof BoundaryEvent b) {
                    ends.add(b.getAttachedTo().getId());
                }
            }
            return ends;
        }
    }

    /** bpmn-js's default flow label spot: centred on the middle waypoint (or between the middle two). */
    private static Rect defaultFlowLabel(List<double[]> points) {
        double[] a = points.get((points.size() - 1) / 2);
        double[] b = points.get(points.size() / 2);
        double x = (a[0] + b[0]) / 2;
        double y = (a[1] + b[1]) / 2;
        return new Rect(x - 45, y - 10, 90, 20);
    }

    private static boolean runOnTopOfEachOther(EdgeItem a, EdgeItem b) {
        for (int i = 0; i + 1 < a.points.size(); i++) {
            for (int j = 0; j + 1 < b.points.size(); j++) {
                if (collinearOverlap(a.points.get(i), a.points.get(i + 1), b.points.get(j), b.points.get(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two axis-parallel segments on the same line sharing more than a point. */
    private static boolean collinearOverlap(double[] p1, double[] p2, double[] q1, double[] q2) {
        boolean pHorizontal = Math.abs(p1[1] - p2[1]) < TOLERANCE;
        boolean qHorizontal = Math.abs(q1[1] - q2[1]) < TOLERANCE;
        boolean pVertical = Math.abs(p1[0] - p2[0]) < TOLERANCE;
        boolean qVertical = Math.abs(q1[0] - q2[0]) < TOLERANCE;
        if (pHorizontal && qHorizontal && Math.abs(p1[1] - q1[1]) < TOLERANCE) {
            return rangeOverlap(p1[0], p2[0], q1[0], q2[0]) > TOLERANCE;
        }
        if (pVertical && qVertical && Math.abs(p1[0] - q1[0]) < TOLERANCE) {
            return rangeOverlap(p1[1], p2[1], q1[1], q2[1]) > TOLERANCE;
        }
        return false;
    }

    private static double rangeOverlap(double a1, double a2, double b1, double b2) {
        return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2));
    }

    private static boolean hasExternalLabel(BaseElement element) {
        return (element instanceof Event || element instanceof Gateway) && hasName(nameOf(element));
    }

    private static boolean hasName(String name) {
        return name != null && !name.isBlank();
    }

    private static String nameOf(BaseElement element) {
        if (element instanceof FlowElement flowElement) {
            return flowElement.getName();
        }
        if (element instanceof TextAnnotation annotation && annotation.getText() != null) {
            return annotation.getText().getTextContent();
        }
        return null;
    }

    private static String sourceId(BaseElement edge) {
        if (edge instanceof SequenceFlow flow) {
            return flow.getSource().getId();
        }
        if (edge instanceof Association association) {
            return association.getSource().getId();
        }
        return "";
    }

    private static String targetId(BaseElement edge) {
        if (edge instanceof SequenceFlow flow) {
            return flow.getTarget().getId();
        }
        if (edge instanceof Association association) {
            return association.getTarget().getId();
        }
        return "";
    }

    private static boolean isDescendant(BaseElement element, BaseElement ancestor) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where bpmn-js (Modeler, docs images) really draws an external label: it keeps the centre x and the
     * top of the stored bounds and sizes the box to the text, wrapped at 90px. Text widths use Arial's
     * advance widths, so a label stored too small still counts with its real size.
     */
    static Rect estimate(String text, Rect stored) {
        List<Double> lines = new ArrayList<>();
        double line = 0;
        for (String word : text.trim().split("\\s+")) {
            double width = width(word);
            double space = width(" ");
            if (line > 0 && line + space + width > WRAP_WIDTH) {
                lines.add(line);
                line = width;
            } else {
                line = line == 0 ? width : line + space + width;
            }
        }
        lines.add(line);
        double w = lines.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double h = lines.size() * LINE_HEIGHT;
        return new Rect(stored.centerX() - w / 2, stored.y, w, h);
    }

    private static double width(String text) {
        double em = 0;
        for (char c : text.toCharArray()) {
            em += advance(c);
        }
        return em * FONT_SIZE / 1000;
    }

    /** Arial advance widths in 1/1000 em (Liberation Sans, which Chromium uses for Arial here, matches). */
    private static int advance(char c) {
        if ("ijl".indexOf(c) >= 0) {
            return 222;
        }
        if ("ft .,:;!/ ".indexOf(c) >= 0 || c == 'I') {
            return 278;
        }
        if ("r()-".indexOf(c) >= 0) {
            return 333;
        }
        if ("ckvxyzsJ".indexOf(c) >= 0) {
            return 500;
        }
        if ("mM".indexOf(c) >= 0) {
            return 833;
        }
        if (c == 'w' || "CDHNRU".indexOf(c) >= 0) {
            return 722;
        }
        if (c == 'W') {
            return 944;
        }
        if ("GOQ".indexOf(c) >= 0) {
            return 778;
        }
        if (Character.isUpperCase(c)) {
            return 667;
        }
        return 556;
    }

    private static Rect rect(Bounds bounds) {
        return new Rect(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    private record Item(String id, BaseElement semantic, Rect box) {}

    private record EdgeItem(String id, BaseElement semantic, List<double[]> points) {}

    record Rect(double x, double y, double w, double h) {
        double centerX() {
            return x + w / 2;
        }

        double centerY() {
            return y + h / 2;
        }

        Rect union(Rect other) {
            if (other == null) {
                return this;
            }
            double x1 = Math.min(x, other.x);
            double y1 = Math.min(y, other.y);
            double x2 = Math.max(x + w, other.x + other.w);
            double y2 = Math.max(y + h, other.y + other.h);
            return new Rect(x1, y1, x2 - x1, y2 - y1);
        }

        Rect shrink(double d) {
            return new Rect(x + d, y + d, Math.max(0, w - 2 * d), Math.max(0, h - 2 * d));
        }

        Rect grow(double d) {
            return new Rect(x - d, y - d, w + 2 * d, h + 2 * d);
        }

        /** A band around the border, where a boundary event's centre belongs. */
        Rect border() {
            return grow(3);
        }

        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }

        boolean containsRect(Rect r) {
            return r.x >= x && r.y >= y && r.x + r.w <= x + w && r.y + r.h <= y + h;
        }

        /** Overlap of more than the tolerance on both axes; touching does not count. */
        boolean overlaps(Rect r) {
            return Math.min(x + w, r.x + r.w) - Math.max(x, r.x) > TOLERANCE
                    && Math.min(y + h, r.y + r.h) - Math.max(y, r.y) > TOLERANCE;
        }

        /** Liang-Barsky: does the segment p-q enter this rectangle's interior. */
        boolean intersectsSegment(double[] p, double[] q) {
            if (w <= 0 || h <= 0) {
                return false;
            }
            double t0 = 0;
            double t1 = 1;
            double dx = q[0] - p[0];
            double dy = q[1] - p[1];
            double[] pp = {-dx, dx, -dy, dy};
            double[] qq = {p[0] - x, x + w - p[0], p[1] - y, y + h - p[1]};
            for (int i = 0; i < 4; i++) {
                if (pp[i] == 0) {
                    if (qq[i] <= 0) {
                        return false;
                    }
                } else {
                    double t = qq[i] / pp[i];
                    if (pp[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                }
            }
            return t0 < t1;
        }
    }
}

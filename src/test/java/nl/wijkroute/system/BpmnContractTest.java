package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.wijkroute.escalation.EscalatieIds;
import nl.wijkroute.reflection.ReflectieIds;
import nl.wijkroute.handover.WarmeOverdrachtIds;
import nl.wijkroute.route.RoutekaartIds;
import nl.wijkroute.toegang.ToegangIds;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The contract between Java and the BPMN files, checked in both directions: every id or message name a
 * constants class declares (one class per process, next to its module) exists in that process's BPMN, and
 * every delegate expression a BPMN names is a bean of the application.
 */
class BpmnContractTest {

    /** One constants class per process. */
    private static final Map<String, Class<?>> IDS = Map.of(
            "routekaart.bpmn", RoutekaartIds.class,
            "toegang.bpmn", ToegangIds.class,
            "warme-overdracht.bpmn", WarmeOverdrachtIds.class,
            "escalatie.bpmn", EscalatieIds.class,
            "reflectie.bpmn", ReflectieIds.class);

    private static final Path BPMN = Path.of("bpmn");
    /** Service tasks (camunda:delegateExpression) and listeners (camunda:executionListener's delegateExpression). */
    private static final Pattern DELEGATE = Pattern.compile("(?:camunda:)?delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");
    private static final Pattern EXPRESSION_BEAN = Pattern.compile("camunda:expression=\"\\$\\{([A-Za-z0-9_]+)\\.");

    @Test
    void everyProcessHasOneConstantsClass() throws IOException {
        try (Stream<Path> files = Files.list(BPMN)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn")))
                    .containsExactlyInAnyOrderElementsOf(IDS.keySet());
        }
    }

    @Test
    void everyDeclaredIdAndMessageExistsInItsProcess() {
        List<String> missing = new ArrayList<>();
        IDS.forEach((file, ids) -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.resolve(file).toFile());
            Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                    .collect(Collectors.toSet());
            for (Field field : ids.getDeclaredFields()) {
                for (String value : values(field)) {
                    boolean found;
                    if (field.getName().endsWith("_MESSAGE")) {
                        found = messages.contains(value);
                    } else if (field.getName().equals("PROCESS")) {
                        found = model.getModelElementById(value) instanceof Process;
                    } else {
                        found = model.getModelElementById(value) != null;
                    }
                    if (!found) {
                        missing.add(ids.getSimpleName() + "." + field.getName() + " = '" + value + "' not in " + file);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDelegateTheBpmnNamesIsABean() throws IOException {
        Set<String> beans = applicationBeanNames();
        Set<String> named = new TreeSet<>();
        for (String file : IDS.keySet()) {
            String xml = Files.readString(BPMN.resolve(file));
            for (Pattern pattern : List.of(DELEGATE, EXPRESSION_BEAN)) {
                Matcher matcher = pattern.matcher(xml);
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(beans).containsAll(named);
    }

    private static Collection<String> values(Field field) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
            return List.of();
        }
        try {
            Object value = field.get(null);
            if (value instanceof String text) {
                return List.of(text);
            }
            if (value instanceof Collection<?> list) {
                return list.stream().map(String.class::cast).toList();
            }
            return List.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the application's component beans and of the beans their @Bean methods declare. */
    private static Set<String> applicationBeanNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Set<String> beans = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("nl.wijkroute")) {
            beans.add(names.generateBeanName(definition, registry));
            try {
                for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
                    Bean bean = method.getAnnotation(Bean.class);
                    if (bean != null) {
                        beans.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(method.getName()));
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return beans;
    }
}

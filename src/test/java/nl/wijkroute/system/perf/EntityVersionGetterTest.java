package nl.wijkroute.system.perf;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jpa.repository.support.JpaEntityInformationSupport;

/**
 * Spring Data decides between inserting and merging an entity with a wrapper {@code @Version} by reading that version as
 * a bean property (decision 0074). Without a getter it builds a {@code NotReadablePropertyException}, with the whole
 * request's stack, on every save before it reads the field (two per signal: Household's and the regie assignment's);
 * a getter that hides the null (SupportCase's returned 0) makes every new row a merge. Failed before for Household and
 * RegieAssignment (no getter) and for SupportCase (merged).
 */
class EntityVersionGetterTest extends ApiTestSupport {

    @PersistenceContext
    EntityManager entityManager;

    @Test
    void everyEntityWhoseWrapperVersionDecidesInsertOrMergeIsReadAsNewThroughAGetter() throws Exception {
        List<EntityType<?>> decidedByVersion = entityManager.getMetamodel().getEntities().stream()
                .filter(type -> type.hasVersionAttribute() && !Persistable.class.isAssignableFrom(type.getJavaType()))
                .filter(type -> !version(type).getJavaType().isPrimitive())
                .toList();
        assertThat(decidedByVersion).extracting(type -> type.getJavaType().getSimpleName())
                .contains("Household", "RegieAssignment", "SupportCase");
        for (EntityType<?> type : decidedByVersion) {
            String name = type.getJavaType().getSimpleName();
            PropertyDescriptor property = BeanUtils.getPropertyDescriptor(type.getJavaType(), version(type).getName());
            assertThat(property).as(name + ": a version property").isNotNull();
            assertThat(property.getReadMethod()).as(name + ": a getter for the version").isNotNull();
            assertThat(isNew(type)).as(name + ": a new instance is persisted, not merged").isTrue();
        }
    }

    private <T> boolean isNew(EntityType<T> type) throws Exception {
        Constructor<T> constructor = type.getJavaType().getDeclaredConstructor();
        constructor.setAccessible(true); // JPA's no-argument constructor, protected
        return JpaEntityInformationSupport.getEntityInformation(type.getJavaType(), entityManager)
                .isNew(constructor.newInstance());
    }

    private static SingularAttribute<?, ?> version(EntityType<?> type) {
        return type.getSingularAttributes().stream().filter(SingularAttribute::isVersion).findFirst().orElseThrow();
    }
}

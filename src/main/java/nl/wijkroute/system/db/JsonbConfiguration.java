package nl.wijkroute.system.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one JSON configuration for every jsonb column (plan versions, handover summary and consent,
 * doorbraak). Why: Hibernate does not use Spring's ObjectMapper for {@code @JdbcTypeCode(SqlTypes.JSON)}
 * but a plain one of its own, which wrote instants as epoch seconds and dates as [y, m, d] arrays —
 * unreadable for SQL (the dashboard casts them) and for people. Here every instant and date is an
 * ISO-8601 string, the same text the API shows. Decision: docs/decisions/0026-iso-dates-in-jsonb.md.
 */
@Configuration(proxyBeanMethods = false)
public class JsonbConfiguration {

    /**
     * The mapper for stored documents. Not Spring's HTTP mapper: that one refuses unknown properties
     * (right for requests, wrong for a plan version written by an older release) and depends on the
     * step handlers, which depend on JPA — a cycle when Hibernate starts.
     */
    public static ObjectMapper storageMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    HibernatePropertiesCustomizer jsonbFormatMapper() {
        JacksonJsonFormatMapper mapper = new JacksonJsonFormatMapper(storageMapper());
        return properties -> properties.put(AvailableSettings.JSON_FORMAT_MAPPER, mapper);
    }
}

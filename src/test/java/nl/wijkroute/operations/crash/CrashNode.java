package nl.wijkroute.operations.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import nl.wijkroute.WijkrouteApplication;
import nl.wijkroute.support.TestUsers;
import nl.wijkroute.system.security.TokenProperties;
import nl.wijkroute.system.security.TokenValidators;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * One instance of the service in a JVM of its own, for {@link NodeCrashTest} to kill with SIGKILL: the
 * application as it is, trusting the crash test's token key (read from a file) and naming its job executor's
 * lock owner after the node, so that the jobs a killed node held can be found; optionally slow at working off the
 * jobs it acquired ({@code crash.job-delay-millis}), so that it is killed while it holds job locks.
 */
public final class CrashNode {

    private CrashNode() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(WijkrouteApplication.class, Trust.class).profiles("test").run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Trust {

        @Bean
        @Primary
        JwtDecoder crashTestKey(TokenProperties tokens, @Value("${crash.public-key}") String file) throws Exception {
            byte[] encoded = Base64.getDecoder().decode(Files.readString(Path.of(file)).trim());
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
            decoder.setJwtValidator(TokenValidators.of(TestUsers.ISSUER, tokens));
            return decoder;
        }

        @Bean
        ProcessEnginePlugin lockOwnerIsTheNode(@Value("${crash.node}") String node,
                @Value("${crash.job-delay-millis:0}") long jobDelayMillis) {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void postInit(ProcessEngineConfigurationImpl configuration) {
                    configuration.getJobExecutor().setLockOwner(node);
                    if (jobDelayMillis > 0 && configuration.getJobExecutor() instanceof SpringJobExecutor executor) {
                        // A node slow to work off what it acquired (as under CPU load): its acquired jobs wait
                        // locked in its queue, so that the crash test can kill it while it holds job locks.
                        TaskExecutor pool = executor.getTaskExecutor();
                        executor.setTaskExecutor(job -> pool.execute(() -> {
                            try {
                                Thread.sleep(jobDelayMillis);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            job.run();
                        }));
                    }
                }
            };
        }
    }
}

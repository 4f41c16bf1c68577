package nl.wijkroute.system.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A request's verified token with the worker it describes, read from the token at most once. A route call asks for its
 * worker many times (the access check, the access log, the step history, each row of a werkbak page); reading the
 * claims, roles and sets anew each time was about 1–2 % of a request's CPU (issue 14, decision 0073). The worker is a
 * function of the token and its granted authorities, both fixed for the authentication's life, so keeping it changes no
 * answer.
 */
final class WorkerAuthentication extends JwtAuthenticationToken {

    /*
     * Read on first use, not in the constructor: the converter runs inside Spring Security's filter, where a claim that
     * cannot be read would fail outside the API's problem+json handling, and calls that never ask for the worker (open
     * endpoints) should not read it. Two threads that race here read the same immutable worker. Transient: a resource
     * server keeps no session; should the token ever be serialised, the worker is read again.
     */
    private transient volatile CurrentUser worker;

    WorkerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, jwt.getSubject());
    }

    CurrentUser worker() {
        CurrentUser read = worker;
        if (read == null) {
            read = CurrentUser.of(this);
            worker = read;
        }
        return read;
    }
}

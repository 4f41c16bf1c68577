/**
 * Who is calling, for every module: {@link nl.wijkroute.system.security.CurrentUser} and {@link
 * nl.wijkroute.system.security.Roles}; the roles per endpoint in {@link
 * nl.wijkroute.system.security.EndpointRules}. A named interface of the system module (decision 0036).
 */
@NamedInterface("security")
package nl.wijkroute.system.security;

import org.springframework.modulith.NamedInterface;

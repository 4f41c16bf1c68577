/**
 * Idempotent POSTs for every module that takes them from partners' systems (the Idempotency-Key). A named
 * interface of the system module (decision 0036).
 */
@NamedInterface("idempotency")
package nl.wijkroute.system.idempotency;

import org.springframework.modulith.NamedInterface;

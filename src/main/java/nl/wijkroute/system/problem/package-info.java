/**
 * problem+json for every module: the exceptions a service throws (not found, conflict, invalid input) and the
 * one advice that answers them. A named interface of the system module (decision 0036).
 */
@NamedInterface("problem")
package nl.wijkroute.system.problem;

import org.springframework.modulith.NamedInterface;

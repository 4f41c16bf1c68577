/**
 * The per-step input registry other modules plug into: a capability that owns a step's input implements
 * {@link nl.wijkroute.route.step.StepHandler} and registers its {@link nl.wijkroute.route.step.StepInput} type.
 */
@NamedInterface("step")
package nl.wijkroute.route.step;

import org.springframework.modulith.NamedInterface;

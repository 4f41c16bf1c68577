package nl.wijkroute.privacy.retention;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal or partial grant names the ground of AVG art. 17(3) it rests on; a full grant has none.
 * Reported on the field {@code legalException}, beside the other field errors of the same request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentDecision.Validator.class)
@interface ConsistentDecision {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentDecision, ErasureDtos.DecisionInput> {

        @Override
        public boolean isValid(ErasureDtos.DecisionInput input, ConstraintValidatorContext context) {
            if (input == null || input.outcome() == null) {
                return true;
            }
            boolean granted = input.outcome() == ErasureDtos.Outcome.GRANTED;
            if (granted == (input.legalException() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(granted
                            ? "past niet bij een volledige toewijzing"
                            : "is verplicht bij een afwijzing of gedeeltelijke toewijzing (AVG art. 17 lid 3: b, d of e)")
                    .addPropertyNode("legalException").addConstraintViolation();
            return false;
        }
    }
}

package dev.xblmock.common.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.util.unit.DataSize;

/** A {@link DataSize} property from {@code min} to {@code max} bytes (Bean Validation has no size-of-data rule). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DataSizeRange.Validator.class)
public @interface DataSizeRange {

    long min() default 0;

    long max() default Long.MAX_VALUE;

    String message() default "must be from {min} to {max} bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid, as for the standard constraints. */
    class Validator implements ConstraintValidator<DataSizeRange, DataSize> {

        private long min;
        private long max;

        @Override
        public void initialize(DataSizeRange range) {
            this.min = range.min();
            this.max = range.max();
        }

        @Override
        public boolean isValid(DataSize size, ConstraintValidatorContext context) {
            return size == null || (size.toBytes() >= min && size.toBytes() <= max);
        }
    }
}

package org.iin.csec.chassis.domain;

/** A problem with one input field ({@code field} null when it concerns the input as a whole). */
public record FieldProblem(String field, String message) {
}

package org.iin.csec.chassis.domain;

import java.util.List;

/** Input that breaks one or more field rules; every problem is listed so a page can show them all at once. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("Some fields are not valid: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

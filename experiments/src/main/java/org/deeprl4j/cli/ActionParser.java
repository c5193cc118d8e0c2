package org.deeprl4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Parses the actions of {@code rollout --actions}: one item per action; a Discrete action is one
 * integer ({@code 1}); a Box, MultiDiscrete or MultiBinary action lists its elements separated by
 * {@code ;} ({@code 0.5;-1}). Numbers use JSON syntax (no NaN or infinity). Every action is checked
 * against the action space; a bad one is an {@link IllegalArgumentException} naming the action,
 * its 1-based position and the space.
 */
public final class ActionParser {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private ActionParser() {
    }

    /** Parses every item of {@code items} into an element of {@code space}, in order. */
    public static <A> List<A> parseAll(List<String> items, Space<A> space) {
        List<A> actions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            actions.add(parse(items.get(i), i + 1, space));
        }
        return actions;
    }

    /** Parses one action; {@code position} (1-based) appears in the error message. */
    public static <A> A parse(String item, int position, Space<A> space) {
        String where = "invalid action '" + item + "' at position " + position + " of --actions: ";
        String what = "; the action space is " + space;
        if (space instanceof Dict) {
            throw new IllegalArgumentException("--actions cannot express actions of the Dict action space " + space
                    + "; use --policy random");
        }
        String[] parts = item.strip().split(";", -1);
        List<Number> numbers = new ArrayList<>(parts.length);
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException(where + (parts.length == 1 ? "empty" : "empty element") + what);
            }
            if (!NUMBER.matcher(p).matches()) {
                throw new IllegalArgumentException(where + "'" + p + "' is not a (finite) number" + what);
            }
            Number n = toNumber(p);
            if (n instanceof Double d && d.isInfinite()) {
                throw new IllegalArgumentException(where + "'" + p + "' is too large" + what);
            }
            numbers.add(n);
        }
        boolean integral = !(space instanceof Box<?>);
        if (integral) {
            for (Number n : numbers) {
                if (!(n instanceof Long)) {
                    throw new IllegalArgumentException(where + "'" + n + "' is not an integer" + what);
                }
            }
        }
        int needed = space.flatDim();
        if (numbers.size() != needed) {
            throw new IllegalArgumentException(where + "has " + numbers.size() + (numbers.size() == 1 ? " value" : " values")
                    + " but the action needs " + needed + (needed == 1 ? "" : " (separated by ';')") + what);
        }
        A action;
        try {
            action = space.fromJson(space instanceof Discrete ? numbers.get(0) : numbers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        if (!space.contains(action)) {
            throw new IllegalArgumentException(where + "outside the action space " + space);
        }
        return action;
    }

    private static Number toNumber(String p) {
        if (INTEGER.matcher(p).matches()) {
            try {
                return Long.parseLong(p);
            } catch (NumberFormatException e) {
                // too large for a long: fall through to double, which the space will reject if integral
            }
        }
        return Double.parseDouble(p);
    }
}

package org.deeprl4j.env.testing;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * A small deterministic grid: walk from the top-left cell to the bottom-right cell in as few
 * steps as possible. Meant for testing tabular and deep agents against a known optimum.
 *
 * <h2>Action space</h2>
 * {@code Discrete(4)}, the same encoding as Gymnasium's {@code CliffWalking}:
 * <pre>
 * | Num | Action     |
 * |-----|------------|
 * | 0   | move up    |
 * | 1   | move right |
 * | 2   | move down  |
 * | 3   | move left  |
 * </pre>
 *
 * <h2>Observation space</h2>
 * {@code Discrete(rows * cols)}: the agent's cell {@code row * cols + col}, rows counted from
 * the top. Cell 0 is the start, cell {@code rows * cols - 1} the goal.
 *
 * <h2>Transitions</h2>
 * Deterministic. The grid border is a wall: a move into it leaves the agent where it is (the step
 * still costs -1).
 *
 * <h2>Rewards</h2>
 * -1 for every step that does not reach the goal, 0 for the step that reaches it.
 *
 * <h2>Starting state</h2>
 * Always cell 0 (top-left); reset uses no randomness.
 *
 * <h2>Episode end</h2>
 * Terminated when the agent reaches the goal. There is no internal time limit: register or wrap
 * it with a {@code TimeLimit} so a poor policy cannot run forever.
 *
 * <h2>Arguments</h2>
 * {@code rows} and {@code cols} (int, default 4, at least 2, {@code rows * cols} fitting an int).
 *
 * <p>The shortest path takes {@code rows + cols - 2} steps, so the optimal return is
 * {@link #optimalReturn()} = {@code -(rows + cols - 3)} (-5 on the default 4x4 grid).
 */
public final class GridWorld extends BaseEnv<Integer, Integer> {
    /** Action: move one row up. */
    public static final int UP = 0;
    /** Action: move one column right. */
    public static final int RIGHT = 1;
    /** Action: move one row down. */
    public static final int DOWN = 2;
    /** Action: move one column left. */
    public static final int LEFT = 3;

    private static final Discrete ACTIONS = new Discrete(4);

    private final int rows;
    private final int cols;
    private final Discrete observations;
    private int row;
    private int col;

    /** The default 4x4 grid. */
    public GridWorld() {
        this(Kwargs.empty("GridWorld"));
    }

    /** Reads {@code rows} and {@code cols}; rejects unknown keywords and out-of-range values. */
    public GridWorld(Kwargs kwargs) {
        this.rows = kwargs.getInt("rows", 4);
        this.cols = kwargs.getInt("cols", 4);
        kwargs.checkAllUsed();
        if (rows < 2) {
            throw new IllegalArgumentException("GridWorld: rows must be >= 2, got " + rows);
        }
        if (cols < 2) {
            throw new IllegalArgumentException("GridWorld: cols must be >= 2, got " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("GridWorld: rows * cols must fit an int, got " + rows + " x " + cols);
        }
        this.observations = new Discrete(rows * cols);
    }

    @Override
    public Space<Integer> observationSpace() {
        return observations;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTIONS;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The cell index of the goal, {@code rows * cols - 1}. */
    public int goal() {
        return rows * cols - 1;
    }

    /** Fewest steps from {@code cell} to the goal (the Manhattan distance: there are no obstacles). */
    public int distanceToGoal(int cell) {
        if (!observations.contains(cell)) {
            throw new IllegalArgumentException("GridWorld: cell " + cell + " is not in " + observations);
        }
        return (rows - 1 - cell / cols) + (cols - 1 - cell % cols);
    }

    /** The best undiscounted episode return: {@code -(rows + cols - 3)}. */
    public double optimalReturn() {
        return optimalReturn(1.0);
    }

    /**
     * The best discounted return from the start, {@code -sum_{t < L-1} gamma^t} for the shortest
     * path length {@code L}: the optimal state value {@code V*(0)} for discount {@code gamma}.
     */
    public double optimalReturn(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("GridWorld: gamma must be in [0, 1], got " + gamma);
        }
        double value = 0;
        double discount = 1;
        for (int t = 0; t < distanceToGoal(0) - 1; t++) {
            value -= discount;
            discount *= gamma;
        }
        return value;
    }

    @Override
    protected Reset<Integer> doReset() {
        row = 0;
        col = 0;
        return Reset.of(0);
    }

    @Override
    protected Step<Integer> doStep(Integer action) {
        switch (action) {
            case UP -> row = Math.max(row - 1, 0);
            case RIGHT -> col = Math.min(col + 1, cols - 1);
            case DOWN -> row = Math.min(row + 1, rows - 1);
            default -> col = Math.max(col - 1, 0); // LEFT; the action space admits nothing else
        }
        int cell = row * cols + col;
        boolean atGoal = cell == goal();
        return Step.of(cell, atGoal ? 0.0 : -1.0, atGoal, false);
    }
}

package org.deeprl4j.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    @Test
    void seedListsAcceptRangesListsAndMixes() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), SeedList.parse("0-4"));
        assertEquals(List.of(1L, 3L, 5L), SeedList.parse("1,3,5"));
        assertEquals(List.of(7L, 0L, 1L, 10L), SeedList.parse(" 7, 0-1 ,10"));
        assertEquals(List.of(3L), SeedList.parse("3-3"));
    }

    @Test
    void badSeedListsNameTheItem() {
        assertEquals("--seeds: 'a' in '1,a' is not a seed (non-negative integer) or a range A-B (e.g. 0-4 or 1,3,5)",
                assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,a")).getMessage());
        assertEquals("--seeds: range '4-0' runs backwards (write 0-4)",
                assertThrows(IllegalArgumentException.class, () -> SeedList.parse("4-0")).getMessage());
        assertEquals("--seeds '0-2,2' lists seed 2 twice",
                assertThrows(IllegalArgumentException.class, () -> SeedList.parse("0-2,2")).getMessage());
        for (String bad : new String[] {"", " ", "1,", ",1", "-1", "1-", "1-2-3", "0x5", "1.5", "99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> SeedList.parse(bad), bad);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("0-100000")).getMessage()
                .contains("more than 10000 seeds"));
    }

    @Test
    void gridPointsAreTheCartesianProductFirstKeySlowest() {
        Grid g = Grid.parse(List.of("learning_rate=1e-3,1e-4", "net_arch=[64,64],[256, 256],{a: 1}", "double_dqn=true"));
        assertEquals(List.of("1e-3", "1e-4"), g.axes().get("learning_rate"));
        assertEquals(List.of("[64,64]", "[256, 256]", "{a: 1}"), g.axes().get("net_arch"));
        assertEquals(6, g.size());
        List<Map<String, String>> points = g.points();
        assertEquals(6, points.size());
        assertEquals(Map.of("learning_rate", "1e-3", "net_arch", "[64,64]", "double_dqn", "true"), points.get(0));
        assertEquals(Map.of("learning_rate", "1e-3", "net_arch", "[256, 256]", "double_dqn", "true"), points.get(1));
        assertEquals(Map.of("learning_rate", "1e-4", "net_arch", "{a: 1}", "double_dqn", "true"), points.get(5));
        assertEquals(List.of("learning_rate", "net_arch", "double_dqn"), List.copyOf(points.get(3).keySet()));
        assertEquals(List.of(Map.of()), Grid.EMPTY.points());
    }

    @Test
    void badGridsNameTheProblem() {
        assertEquals("--grid expects KEY=V1,V2,..., got 'lr'", message(List.of("lr")));
        assertEquals("--grid 'a b=1': 'a b' is not a hyperparameter key (letters, digits, '_' and '.')", message(List.of("a b=1")));
        assertEquals("--grid '=1': '' is not a hyperparameter key (letters, digits, '_' and '.')", message(List.of("=1")));
        assertEquals("--grid: key 'lr' given twice (list all its values in one --grid)", message(List.of("lr=1", "lr=2")));
        assertEquals("--grid 'lr=1,,2': empty value for 'lr'", message(List.of("lr=1,,2")));
        assertEquals("--grid 'lr=': empty value for 'lr'", message(List.of("lr=")));
        assertEquals("--grid 'lr=1,1': value '1' given twice", message(List.of("lr=1,1")));
        assertEquals("--grid 'net_arch=[64,64': unbalanced brackets", message(List.of("net_arch=[64,64")));
    }

    private static String message(List<String> items) {
        return assertThrows(IllegalArgumentException.class, () -> Grid.parse(items)).getMessage();
    }

    @Test
    void trialsAreNamedDeterministicallyPointMajor() {
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L), Grid.parse(List.of("learning_rate=1e-3,1e-4", "net_arch=[64,64]")));
        assertEquals(List.of("learning_rate=1e-3,net_arch=_64,64___seed0", "learning_rate=1e-3,net_arch=_64,64___seed1",
                "learning_rate=1e-4,net_arch=_64,64___seed0", "learning_rate=1e-4,net_arch=_64,64___seed1"),
                plan.trials().stream().map(Trial::name).toList());
        Trial t = plan.trials().get(2);
        assertEquals(2, t.index());
        assertEquals(1, t.point());
        assertEquals(0L, t.seed());
        assertEquals(Map.of("learning_rate", "1e-4", "net_arch", "[64,64]"), t.params());
        assertEquals(plan.trials(), SweepPlan.of(List.of(0L, 1L), Grid.parse(List.of("learning_rate=1e-3,1e-4",
                "net_arch=[64,64]"))).trials(), "same input, same trials");
        assertEquals(List.of("seed3", "seed1"), SweepPlan.of(List.of(3L, 1L), Grid.EMPTY).trials().stream().map(Trial::name).toList());
        assertEquals("default", SweepPlan.pointName(Map.of()));
        assertEquals(2, plan.trialsOf(1).size());
    }

    @Test
    void longNamesAreShortenedAndCollisionsRejected() {
        String longValue = "[" + "64,".repeat(60) + "64]";
        String name = SweepPlan.pointName(Map.of("net_arch", longValue));
        assertEquals(SweepPlan.MAX_NAME, name.length());
        assertTrue(name.matches("net_arch=_64,64,.*~[0-9a-f]{8}"), name);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.of(List.of(0L), Grid.parse(List.of("net_arch=[64],(64)"))));
        assertTrue(e.getMessage().contains("get the same folder name 'net_arch=_64_'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.of(List.of(), Grid.EMPTY));
    }

    @Test
    void shardsAreDisjointCoveringAndDeterministic() {
        SweepPlan plan = SweepPlan.of(SeedList.parse("0-4"), Grid.parse(List.of("a=1,2,3", "b=x,y")));
        assertEquals(30, plan.trials().size());
        for (int n = 1; n <= 7; n++) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Trial> slice = plan.shard(new Shard(i, n));
                assertEquals(slice, plan.shard(Shard.parse(i + "/" + n)));
                for (Trial t : slice) {
                    assertEquals(i, t.index() % n);
                    assertTrue(seen.add(t.index()), "trial " + t.index() + " in two shards of " + n);
                    order.add(t.index());
                }
            }
            assertEquals(30, seen.size(), "shards of " + n + " cover the sweep");
        }
        assertEquals(List.of(1, 4, 7, 10, 13, 16, 19, 22, 25, 28), plan.shard(new Shard(1, 3)).stream().map(Trial::index).toList());
        assertEquals(plan.trials(), plan.shard(Shard.ALL));
    }

    @Test
    void badShardsAreRejected() {
        assertEquals("--shard: the shard index must be in 0..3, got 4",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4")).getMessage());
        assertEquals("--shard: the number of shards must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0")).getMessage());
        for (String bad : new String[] {"1", "1/", "/2", "-1/2", "a/b", "1/2/3", "1 / 2x", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
        assertEquals(new Shard(2, 5), Shard.parse(" 2/5 "));
        assertEquals("2/5", new Shard(2, 5).toString());
    }
}

package io.tradecheck.editing;

import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.pack.RulePackProblem;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.pack.PackCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Puts rule packs in force: the rules folder at start-up, a draft, a rollback, an in-place edit of the folder. Each
 * goes through the same gate ({@link PackCheck}: compiles, sound tables, scenarios pass, coverage), is compiled before the
 * swap and off the check path, and becomes a numbered version of the {@link RuleHistory}. Checks never wait for
 * any of this: they take {@link ActiveRuleSet#current()} once, and the swap is a single reference write.
 *
 * <p>One activation at a time (they serialise on a lock), so two activations cannot interleave their folder writes.
 */
public final class RuleActivation {
    private static final Logger LOG = Logger.getLogger(RuleActivation.class);

    public enum Status { OK, ERROR }

    /** The last load of the rules folder that failed: when, what triggered it, what was wrong. */
    public record LoadError(Instant at, String trigger, String digest, List<RulePackProblem> problems) {
    }

    /** What is live, and whether the rules folder could be loaded last time it was tried. */
    public record State(RuleSet ruleSet, RuleVersion version, Status status, LoadError lastError) {
    }

    private final RulesFolder folder;
    private final RuleHistory history;
    private final PackCheck check;
    private final Clock clock;
    private final ActiveRuleSet active;
    private final Object lock = new Object();
    private volatile State state;

    private RuleActivation(RulesFolder folder, RuleHistory history, PackCheck check, Clock clock,
                           State initial) {
        this.folder = folder;
        this.history = history;
        this.check = check;
        this.clock = clock;
        this.state = initial;
        this.active = new ActiveRuleSet(initial.ruleSet());
    }

    /**
     * Loads the rules folder. If it does not validate, the last version in the history serves instead (status ERROR,
     * the folder's problems in lastError); with no history either, the start fails with every problem listed.
     */
    public static RuleActivation start(RulesFolder folder, RuleHistory history, PackCheck check, Clock clock) {
        RulePackSource source = folder.read();
        PackCheck.Checked outcome = check.check(source);
        Optional<RuleHistory.Stored> latest = history.latest();
        if (outcome.valid()) {
            RuleVersion version = latest.filter(s -> s.version().digest().equals(source.digest()))
                    .map(RuleHistory.Stored::version)
                    .orElseGet(() -> history.record(source, outcome.ruleSet().info().version(), "start-up", null,
                            RuleVersion.How.START_UP, null, clock.instant(),
                            latest.map(s -> s.version().digest()).orElse(null)));
            return new RuleActivation(folder, history, check, clock,
                    new State(outcome.ruleSet(), version, Status.OK, null));
        }
        if (latest.isPresent()) {
            PackCheck.Checked fallback = check.check(latest.get().source());
            if (fallback.valid()) {
                LOG.errorf("The rules folder %s does not validate; serving the last good version %d instead:\n  %s",
                        folder.dir(), latest.get().version().number(), describe(outcome.verdict().errors()));
                LoadError error = new LoadError(clock.instant(), "start-up", source.digest(), outcome.verdict().errors());
                return new RuleActivation(folder, history, check, clock,
                        new State(fallback.ruleSet(), latest.get().version(), Status.ERROR, error));
            }
        }
        throw new RulePackException(outcome.verdict().errors());
    }

    public ActiveRuleSet active() {
        return active;
    }

    public State state() {
        return state;
    }

    public List<RuleVersion> history() {
        return history.list();
    }

    public Optional<RuleHistory.Stored> version(int number) {
        return history.get(number);
    }

    /** Validates the draft and puts it in force. */
    public RuleVersion activate(Draft draft, String by, String comment, boolean force) {
        synchronized (lock) {
            State current = state;
            if (!force && !draft.baseDigest().equals(current.version().digest())) {
                throw new ActivationConflictException("draft " + draft.id() + " was made from version "
                        + draft.baseVersion() + ", but version " + current.version().number() + " ("
                        + current.version().by() + ") is in force now; activating the draft would undo it. Make a new "
                        + "draft, or activate with force=true if that is what you mean");
            }
            return putInForce(draft.source(), by, comment == null ? draft.comment() : comment, RuleVersion.How.DRAFT,
                    null);
        }
    }

    /** Puts the files of an earlier version back in force, as a new version. */
    public RuleVersion rollback(int number, String by, String comment) {
        synchronized (lock) {
            RuleHistory.Stored stored = history.get(number).orElseThrow(() -> new NotFoundException(
                    "no version " + number + " in the rule history"));
            return putInForce(stored.source(), by, comment == null ? "rollback to version " + number : comment,
                    RuleVersion.How.ROLLBACK, number);
        }
    }

    /**
     * Loads the rules folder after an in-place edit. Unchanged content (for instance the folder mirroring a version
     * just activated) is not a new version. A folder that does not validate leaves the live version serving and
     * sets status ERROR with the problems; the next good edit clears it.
     */
    public Optional<RuleVersion> reloadFolder() {
        synchronized (lock) {
            State current = state;
            RulePackSource source;
            try {
                source = folder.read();
            } catch (RulePackException e) {
                state = new State(current.ruleSet(), current.version(), Status.ERROR,
                        new LoadError(clock.instant(), "rules folder", null, e.problems()));
                return Optional.empty();
            }
            if (source.digest().equals(current.version().digest())) {
                if (current.status() == Status.ERROR) {
                    state = new State(current.ruleSet(), current.version(), Status.OK, null);
                }
                return Optional.empty();
            }
            PackCheck.Checked outcome = check.check(source);
            if (!outcome.valid()) {
                LOG.warnf("Edit of the rules folder rejected; version %d keeps serving:\n  %s",
                        current.version().number(), describe(outcome.verdict().errors()));
                state = new State(current.ruleSet(), current.version(), Status.ERROR,
                        new LoadError(clock.instant(), "rules folder", source.digest(), outcome.verdict().errors()));
                return Optional.empty();
            }
            RuleVersion version = history.record(source, outcome.ruleSet().info().version(), "rules folder",
                    "edited in place", RuleVersion.How.FOLDER_EDIT, null, clock.instant(), current.version().digest());
            swap(outcome.ruleSet(), version);
            return Optional.of(version);
        }
    }

    private RuleVersion putInForce(RulePackSource source, String by, String comment, RuleVersion.How how,
                                   Integer restoredFrom) {
        PackCheck.Checked outcome = check.check(source);
        if (!outcome.valid()) {
            throw new ActivationRefusedException("the pack does not pass the pack check: " + outcome.verdict().errors().size()
                    + " error(s)", outcome.verdict());
        }
        RulePackSource before = folder.read();
        folder.mirror(before, source);
        RuleVersion version;
        try {
            version = history.record(source, outcome.ruleSet().info().version(), by, comment, how, restoredFrom,
                    clock.instant(), state.version().digest());
        } catch (RuntimeException e) {
            folder.mirror(source, before);
            throw e;
        }
        swap(outcome.ruleSet(), version);
        return version;
    }

    private void swap(RuleSet ruleSet, RuleVersion version) {
        state = new State(ruleSet, version, Status.OK, null);
        active.activate(ruleSet);
        LOG.infof("Rule version %d (%s, %s) in force: %s by %s", version.number(), version.packVersion(),
                version.digest().substring(0, 19), version.how(), version.by());
    }

    private static String describe(List<RulePackProblem> problems) {
        return String.join("\n  ", problems.stream().map(RulePackProblem::toString).toList());
    }
}

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
    /** Replicas: the database's newest version is the one in force, the folder only a local copy of it. */
    private volatile boolean followsDatabase;
    /** Replicas: this one's name in rule_replica; null for no prepare phase (activations recorded at once). */
    private volatile String node;
    private volatile java.time.Duration prepareTimeout = java.time.Duration.ZERO;
    /** A rule set announced for activation and compiled ahead of it. */
    private volatile Prepared prepared;

    private record Prepared(String digest, RuleSet ruleSet) {
    }

    /** Replicas seen within this many seconds are waited for by an activation. */
    static final int LIVE_REPLICA_SECONDS = 15;

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
        completeInterruptedActivation(folder, history);
        Optional<RuleHistory.Stored> latest = history.latest();
        RulePackSource source;
        try {
            source = folder.read();
        } catch (RulePackException | java.io.UncheckedIOException e) {
            // A file that cannot be read at all (permissions, a failing disk): the folder cannot be judged, so the
            // last good stored version serves, as for a folder that does not validate.
            List<RulePackProblem> problems = e instanceof RulePackException r ? r.problems()
                    : List.of(new RulePackProblem(folder.dir().toString(), 0, null, String.valueOf(e.getMessage())
                            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage())));
            return fallBack(folder, history, check, clock, latest, problems, null);
        }
        PackCheck.Checked outcome = check.check(source);
        if (outcome.valid()) {
            RuleVersion version = latest.filter(s -> s.version().digest().equals(source.digest()))
                    .map(RuleHistory.Stored::version)
                    .orElseGet(() -> history.record(source, history.packVersionFor(outcome.ruleSet().info().version(),
                                    source.digest()), "start-up", null,
                            RuleVersion.How.START_UP, null, clock.instant(),
                            latest.map(s -> s.version().digest()).orElse(null)));
            return new RuleActivation(folder, history, check, clock,
                    new State(outcome.ruleSet(), version, Status.OK, null));
        }
        return fallBack(folder, history, check, clock, latest, outcome.verdict().errors(), source.digest());
    }

    /**
     * Start of a replica (docs/operations.md, "Running N replicas"): the database is the truth. The newest version in
     * the rule history is put in force and the rules folder is made to hold it; the folder is read only when the
     * history is empty (the first replica ever started seeds it). From then on {@link #follow()} keeps up with
     * activations made on any replica, and an activation here is recorded first and mirrored to the folder after.
     */
    public static RuleActivation startFollowingDatabase(RulesFolder folder, RuleHistory history, PackCheck check,
                                                        Clock clock) {
        return startFollowingDatabase(folder, history, check, clock, null, java.time.Duration.ZERO);
    }

    /**
     * The same, with a prepare phase: an activation here first announces its files, waits (at most
     * {@code prepareTimeout}) until every other live replica has compiled them ahead, and only then records the
     * version, so that every replica swaps within a poll of the commit instead of a poll plus a compile.
     *
     * @param node this replica's name among the replicas
     */
    public static RuleActivation startFollowingDatabase(RulesFolder folder, RuleHistory history, PackCheck check,
                                                        Clock clock, String node, java.time.Duration prepareTimeout) {
        RuleActivation activation = startFollowing(folder, history, check, clock);
        activation.node = node;
        activation.prepareTimeout = prepareTimeout;
        if (node != null) {
            history.reportReady(node, activation.state.version().digest());
        }
        return activation;
    }

    private static RuleActivation startFollowing(RulesFolder folder, RuleHistory history, PackCheck check, Clock clock) {
        completeInterruptedActivation(folder, history);
        Optional<RuleHistory.Stored> latest = history.latest();
        RuleActivation activation;
        if (latest.isEmpty()) {
            activation = start(folder, history, check, clock);
        } else {
            RuleHistory.Stored stored = latest.get();
            RuleSet ruleSet = check.compile(stored.source());
            LOG.infof("Rule version %d taken from the database (the rules folder %s is a copy of it on a replica)",
                    stored.version().number(), folder.dir());
            activation = new RuleActivation(folder, history, check, clock, new State(ruleSet, stored.version(), Status.OK, null));
            activation.mirrorQuietly(stored.source());
        }
        activation.followsDatabase = true;
        return activation;
    }

    /**
     * Puts in force the version the database says is current, if it is not the one serving here (a replica follows
     * activations and rollbacks made on another). Compiled before the swap, off the check path, as any activation.
     *
     * @return the version now in force, if it changed
     */
    public Optional<RuleVersion> follow() {
        int newest = history.latestNumber();
        if (newest != 0 && newest != state.version().number()) {
            synchronized (lock) {
                return catchUp();
            }
        }
        if (node != null) {
            prepareAhead();
        }
        return Optional.empty();
    }

    /**
     * Compiles the rule set another replica announced for activation, if not done yet, and reports this replica
     * alive and ready for it (or for the version in force).
     */
    private void prepareAhead() {
        Prepared ahead = prepared;
        String current = state.version().digest();
        Optional<String> pending = history.latestPrepared();
        if (pending.isPresent() && !pending.get().equals(current) && (ahead == null || !ahead.digest().equals(pending.get()))) {
            long started = System.nanoTime();
            RulePackSource source = history.source(pending.get()).orElseThrow();
            // Compiled on a thread of its own while this one keeps saying "alive" every second: a compile slower than
            // the liveness window must not make the activation stop waiting for this replica.
            java.util.concurrent.CompletableFuture<RuleSet> compiling = new java.util.concurrent.CompletableFuture<>();
            Thread compiler = new Thread(() -> {
                try {
                    compiling.complete(check.compile(source));
                } catch (Throwable e) {
                    compiling.completeExceptionally(e);
                }
            }, "tradecheck-rule-compile-ahead");
            compiler.setDaemon(true);
            compiler.start();
            RuleSet ruleSet;
            while (true) {
                history.reportReady(node, current);
                try {
                    ruleSet = compiling.get(1, java.util.concurrent.TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    // still compiling
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            ahead = new Prepared(pending.get(), ruleSet);
            prepared = ahead;
            LOG.infof("Rule set %s compiled ahead of its activation in %d ms", pending.get().substring(0, 19),
                    (System.nanoTime() - started) / 1_000_000);
        }
        history.reportReady(node, ahead != null && pending.isPresent() && ahead.digest().equals(pending.get())
                ? ahead.digest() : current);
    }

    /** A replica that stops cleanly is no longer waited for by activations. */
    public void leave() {
        if (node != null) {
            history.forgetReplica(node);
        }
    }

    /** Under the lock. */
    private Optional<RuleVersion> catchUp() {
        Optional<RuleHistory.Stored> latest = history.latest();
        if (latest.isEmpty() || latest.get().version().number() == state.version().number()) {
            return Optional.empty();
        }
        RuleHistory.Stored stored = latest.get();
        long started = System.nanoTime();
        Prepared ahead = prepared;
        RuleSet ruleSet = stored.version().digest().equals(state.version().digest()) ? state.ruleSet()
                : ahead != null && ahead.digest().equals(stored.version().digest()) ? ahead.ruleSet()
                : check.compile(stored.source());
        prepared = null;
        long compiled = System.nanoTime();
        swap(ruleSet, stored.version());
        LOG.infof("Rule version %d followed from the database: compiled in %d ms after %d ms in the history",
                stored.version().number(), (compiled - started) / 1_000_000,
                java.time.Duration.between(stored.version().activatedAt(), clock.instant()).toMillis());
        mirrorQuietly(stored.source());
        return Optional.of(stored.version());
    }

    /** The folder is a copy on a replica: a failure to write it is logged, never undoes the version in force. */
    private void mirrorQuietly(RulePackSource target) {
        try {
            RulePackSource present;
            try {
                present = folder.read();
            } catch (RuntimeException e) {
                present = RulePackSource.of(folder.dir().toString(), List.of());
            }
            if (present.digest().equals(target.digest())) {
                return;
            }
            folder.beginActivation(target.digest());
            folder.mirror(present, target);
            folder.endActivation();
        } catch (RuntimeException e) {
            LOG.warnf("The rules folder %s could not be made to hold the version in force (%s); it is a copy only, "
                    + "the version in force is not affected", folder.dir(), e.getMessage());
        }
    }

    private static RuleActivation fallBack(RulesFolder folder, RuleHistory history, PackCheck check,
                                           Clock clock, Optional<RuleHistory.Stored> latest,
                                           List<RulePackProblem> problems, String digest) {
        if (latest.isPresent()) {
            PackCheck.Checked fallback = check.check(latest.get().source());
            if (fallback.valid()) {
                LOG.errorf("The rules folder %s cannot be used; serving the last good version %d instead:\n  %s",
                        folder.dir(), latest.get().version().number(), describe(problems));
                LoadError error = new LoadError(clock.instant(), "start-up", digest, problems);
                return new RuleActivation(folder, history, check, clock,
                        new State(fallback.ruleSet(), latest.get().version(), Status.ERROR, error));
            }
        }
        throw new RulePackException(problems);
    }

    /**
     * An activation is recorded in the history (a database commit: the commit point) before the folder is changed, and
     * the folder carries a marker while it changes. A marker found at start-up means the process died in between: if
     * the version was recorded, the folder is made to hold it (the activation completes, with its editor and
     * comment); if not, the folder was not touched yet. Either way, a folder caught half-way is never what starts.
     */
    private static void completeInterruptedActivation(RulesFolder folder, RuleHistory history) {
        Optional<String> cut = folder.interruptedActivation();
        if (cut.isEmpty()) {
            return;
        }
        Optional<RuleHistory.Stored> latest = history.latest().filter(s -> s.version().digest().equals(cut.get()));
        if (latest.isPresent()) {
            LOG.warnf("An activation of rule version %d was cut off (the service stopped while writing %s); "
                    + "completing it", latest.get().version().number(), folder.dir());
            RulePackSource present;
            try {
                present = folder.read();
            } catch (RuntimeException e) {
                present = RulePackSource.of(folder.dir().toString(), List.of());
            }
            folder.mirror(present, latest.get().source());
        } else {
            LOG.warnf("An activation was cut off before it was recorded; the rules folder %s was not changed",
                    folder.dir());
        }
        folder.endActivation();
    }

    /** Whether this replica follows the database (see {@link #startFollowingDatabase}). */
    public boolean followsDatabase() {
        return followsDatabase;
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
            if (followsDatabase) {
                catchUp(); // the draft is compared with the version in force on every replica, not a stale one
            }
            State current = state;
            if (!force && !draft.baseDigest().equals(current.version().digest())) {
                throw new ActivationConflictException("draft " + draft.id() + " was made from version "
                        + draft.baseVersion() + ", but version " + current.version().number() + " ("
                        + current.version().by() + ") is in force now; activating the draft would undo it. Make a new "
                        + "draft, or activate with force=true if that is what you mean");
            }
            if (draft.source().digest().equals(current.version().digest())) {
                throw new UnchangedDraftException("draft " + draft.id() + " has the same files as version "
                        + current.version().number() + ", which is in force (" + current.version().digest()
                        + "): nothing to activate");
            }
            return putInForce(draft.source(), by, comment == null ? draft.comment() : comment, RuleVersion.How.DRAFT,
                    null);
        }
    }

    /** Puts the files of an earlier version back in force, as a new version. */
    public RuleVersion rollback(int number, String by, String comment) {
        synchronized (lock) {
            if (followsDatabase) {
                catchUp();
            }
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
            RuleVersion version = history.record(source, history.packVersionFor(outcome.ruleSet().info().version(),
                            source.digest()), "rules folder",
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
        if (followsDatabase) {
            String packVersion = history.packVersionFor(outcome.ruleSet().info().version(), source.digest());
            if (node != null) {
                prepared = new Prepared(source.digest(), outcome.ruleSet()); // this replica's follower need not compile it
                history.prepare(source, packVersion, clock.instant());
                awaitReplicas(source.digest());
            }
            // The history entry is the commit point for every replica; the local folder follows as a copy.
            RuleVersion version = history.record(source, packVersion, by, comment, how, restoredFrom, clock.instant(),
                    state.version().digest());
            swap(outcome.ruleSet(), version);
            prepared = null;
            mirrorQuietly(source);
            return version;
        }
        RulePackSource before = folder.read();
        // Marker, then the history entry (the commit point), then the folder: see completeInterruptedActivation.
        folder.beginActivation(source.digest());
        RuleVersion version;
        try {
            version = history.record(source, history.packVersionFor(outcome.ruleSet().info().version(),
                    source.digest()), by, comment, how, restoredFrom,
                    clock.instant(), state.version().digest());
        } catch (RuntimeException e) {
            folder.endActivation();
            throw e;
        }
        try {
            folder.mirror(before, source);
        } catch (RuntimeException e) {
            history.discard(version.number());
            folder.endActivation();
            throw e;
        }
        folder.endActivation();
        swap(outcome.ruleSet(), version);
        return version;
    }

    /** Waits until every other live replica has compiled {@code digest} ahead, at most the prepare timeout. */
    private void awaitReplicas(String digest) {
        long started = System.nanoTime();
        long deadline = started + prepareTimeout.toNanos();
        List<String> waiting = history.replicasNotReady(digest, node, LIVE_REPLICA_SECONDS);
        try {
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                waiting = history.replicasNotReady(digest, node, LIVE_REPLICA_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (waiting.isEmpty()) {
            LOG.infof("Every replica compiled %s ahead in %d ms; recording the version", digest.substring(0, 19),
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.warnf("Replica(s) %s did not compile %s within %s; recording the version anyway (they compile it when "
                    + "they see it)", waiting, digest.substring(0, 19), prepareTimeout);
        }
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

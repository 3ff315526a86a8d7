package io.tradecheck.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.editing.ActivationRefusedException;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.security.CurrentCaller;
import io.tradecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The version history: every rule set that went live, what each changed (file diffs, by java-diff-utils), and
 * rollback to an earlier version (trade specialists only), through {@link RuleActivation} as the API does.
 */
@Path("/console/history")
@RolesAllowed({Roles.RULE_EDITOR, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class HistoryPages extends ConsolePage {
    @Inject
    @Location("console/history.html")
    Template list;
    @Inject
    @Location("console/version.html")
    Template one;
    @Inject
    RuleActivation activation;
    @Inject
    CurrentCaller caller;

    /** One changed file: its path, how it changed, and its unified diff split into lines for colouring. */
    public record FileDiff(String path, String change, List<DiffLine> lines) {
    }

    public record DiffLine(String kind, String text) {
    }

    @GET
    public TemplateInstance list(@QueryParam("activated") Integer activated, @QueryParam("error") String error) {
        List<RuleVersion> versions = new ArrayList<>(activation.history());
        Collections.reverse(versions);
        return list.data("versions", versions).data("current", activation.state().version().number())
                .data("activated", activated).data("error", error);
    }

    @GET
    @Path("{number}")
    public TemplateInstance version(@PathParam("number") int number) {
        RuleHistory.Stored stored = stored(number);
        RuleHistory.Stored previous = activation.history().stream().map(RuleVersion::number).filter(n -> n < number)
                .max(Integer::compare).flatMap(activation::version).orElse(null);
        return one.data("version", stored.version()).data("previous", previous == null ? null : previous.version())
                .data("diffs", previous == null ? List.of() : diffs(previous.source().files(), stored.source().files()));
    }

    @POST
    @Path("{number}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_EDITOR)
    public Response rollback(@PathParam("number") int number, @RestForm String comment) {
        stored(number);
        if (comment == null || comment.isBlank()) {
            return redirect("/console/history?error=" + URLEncoder.encode("Say why you roll back to version " + number
                    + " in the comment.", StandardCharsets.UTF_8));
        }
        try {
            RuleVersion v = activation.rollback(number, caller.get(), comment.strip());
            return redirect("/console/history?activated=" + v.number());
        } catch (ActivationRefusedException e) {
            return redirect("/console/history?error=" + URLEncoder.encode("Version " + number
                    + " no longer validates: " + e.getMessage(), StandardCharsets.UTF_8));
        }
    }

    static List<FileDiff> diffs(List<RuleFile> before, List<RuleFile> after) {
        Map<String, RuleFile> old = new TreeMap<>();
        before.forEach(f -> old.put(f.path(), f));
        Map<String, RuleFile> now = new TreeMap<>();
        after.forEach(f -> now.put(f.path(), f));
        List<FileDiff> out = new ArrayList<>();
        for (String path : new TreeSet<>(union(old.keySet(), now.keySet()))) {
            RuleFile a = old.get(path);
            RuleFile b = now.get(path);
            if (a != null && b != null && a.sha256().equals(b.sha256())) {
                continue;
            }
            String change = a == null ? "added" : b == null ? "removed" : "changed";
            if (path.endsWith(".xlsx")) {
                out.add(new FileDiff(path, change + " (spreadsheet; download both versions to compare)", List.of()));
                continue;
            }
            List<String> left = a == null ? List.of() : lines(a);
            List<String> right = b == null ? List.of() : lines(b);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, left, DiffUtils.diff(left, right), 1);
            List<DiffLine> shown = unified.stream().skip(2).map(l -> new DiffLine(
                    l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : "ctx", l)).toList();
            out.add(new FileDiff(path, change, shown));
        }
        return out;
    }

    private static List<String> lines(RuleFile f) {
        return new String(f.content(), StandardCharsets.UTF_8).lines().toList();
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private RuleHistory.Stored stored(int number) {
        return activation.version(number).orElseThrow(() -> new NotFoundException("No version " + number
                + " in the history (only the last tradecheck.history.keep are kept)"));
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}

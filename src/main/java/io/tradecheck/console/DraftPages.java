package io.tradecheck.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.batch.OrderFileException;
import io.tradecheck.batch.OrderFiles;
import io.tradecheck.batch.OrderFormat;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.editing.ActivationConflictException;
import io.tradecheck.editing.ActivationRefusedException;
import io.tradecheck.editing.Draft;
import io.tradecheck.editing.DraftStore;
import io.tradecheck.editing.ImpactAnalysis;
import io.tradecheck.editing.ImpactReport;
import io.tradecheck.editing.NotFoundException;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.editing.UploadRejectedException;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.PackVerdict;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A trade specialist's drafts: make one (a copy of the pack in force, or with an uploaded spreadsheet laid over it),
 * edit table rows in a grid, validate (errors shown on their cells, scenarios run), see the impact on an order file,
 * activate with a comment. The work is done by the editing services the API uses.
 */
@Path("/console/drafts")
@RolesAllowed(Roles.RULE_EDITOR)
@Produces(MediaType.TEXT_HTML)
public class DraftPages extends ConsolePage {
    @Inject
    @Location("console/drafts.html")
    Template list;
    @Inject
    @Location("console/draft.html")
    Template one;
    @Inject
    @Location("console/draft-table.html")
    Template table;
    @Inject
    @Location("console/impact.html")
    Template impactPage;
    @Inject
    DraftStore drafts;
    @Inject
    RuleActivation activation;
    @Inject
    PackCheck packCheck;
    @Inject
    ImpactAnalysis impact;
    @Inject
    CurrentCaller caller;

    /** The last validation of each draft, until its next edit. */
    private final Map<String, PackVerdict> validations = new ConcurrentHashMap<>();

    /** What a draft changes against the version it was made from. */
    public record Changes(List<String> added, List<String> modified, List<String> removed) {
        public boolean none() {
            return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
        }
    }

    @GET
    public TemplateInstance list() {
        return list.data("drafts", drafts.list()).data("tables", tablePaths(live())).data("error", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String comment) {
        try {
            return redirect("/console/drafts/" + newDraft(Map.of(), comment).id());
        } catch (UploadRejectedException e) {
            return listWith(e.getMessage());
        }
    }

    /** A draft with an uploaded table (CSV or XLSX, replacing the table of that path) or a zip of several files. */
    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String path) throws IOException {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return listWith("Choose a spreadsheet (CSV or XLSX) or a zip of the rules folder.");
        }
        Map<String, RuleFile> files;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            if (file.fileName().toLowerCase().endsWith(".zip")) {
                files = PackArchive.read(in, drafts.limits());
            } else {
                String target = path == null || path.isBlank() ? matchingTable(file.fileName()) : path;
                if (target == null) {
                    return listWith("Say which table '" + file.fileName() + "' replaces.");
                }
                RuleFile f = PackArchive.single(target, in, drafts.limits());
                files = Map.of(f.path(), f);
            }
            return redirect("/console/drafts/" + newDraft(files, "uploaded " + file.fileName()).id());
        } catch (UploadRejectedException e) {
            return listWith(file.fileName() + ": " + e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance draft(@PathParam("id") String id, @QueryParam("error") String error) {
        Draft d = draft(id);
        return one.data("draft", d).data("changes", changes(d)).data("tables", tablePaths(d.source()))
                .data("report", validations.get(id)).data("error", error);
    }

    @GET
    @Path("{id}/table")
    public TemplateInstance table(@PathParam("id") String id, @QueryParam("path") String path,
                                  @QueryParam("measure") String measure, @QueryParam("error") String error) {
        Draft d = draft(id);
        RuleFile f = Optional.ofNullable(d.files().get(path))
                .orElseThrow(() -> new NotFoundException("Draft " + id + " has no file " + path));
        if (!path.endsWith(".csv")) {
            throw new NotFoundException(path + " is a spreadsheet: edit it in your spreadsheet program and upload it");
        }
        TableGrid grid = TableGrid.parse(f.content());
        PackVerdict report = validations.get(id);
        return table.data("draft", d).data("draftId", id).data("path", path).data("measure", measure == null ? "" : measure)
                .data("grid", GridView.of(grid, RulePackPages.filter(grid, measure), path,
                        report == null ? List.of() : report.errors()))
                .data("header", grid.header()).data("error", error).data("editable", true);
    }

    @POST
    @Path("{id}/rows/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRate(@PathParam("id") String id, @RestForm String path, @RestForm String measure,
                               @RestForm int line, @RestForm String rate, @RestForm String from) {
        return edit(id, path, measure, grid -> grid.changeRate(line, rate, date("from", from)));
    }

    @POST
    @Path("{id}/rows/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endDate(@PathParam("id") String id, @RestForm String path, @RestForm String measure,
                            @RestForm int line, @RestForm String to) {
        return edit(id, path, measure, grid -> grid.endDate(line, date("to", to)));
    }

    @POST
    @Path("{id}/rows/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") String id, @RestForm String path, @RestForm String measure,
                        jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Map<String, String> cells = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("cell.") && !v.isEmpty()) {
                cells.put(k.substring(5), v.get(0));
            }
        });
        return edit(id, path, measure, grid -> grid.add(cells));
    }

    @POST
    @Path("{id}/validation")
    public Response validate(@PathParam("id") String id) {
        Draft d = draft(id);
        validations.put(id, packCheck.check(d.source()).verdict());
        return redirect("/console/drafts/" + id + "#validation");
    }

    @POST
    @Path("{id}/impact")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response impact(@PathParam("id") String id, @RestForm("file") FileUpload file, @RestForm String sheet)
            throws IOException {
        Draft d = draft(id);
        if (file == null || file.fileName() == null || file.fileName().isBlank() || OrderFormat.ofFileName(file.fileName()) == null) {
            return back(id, "Choose an order file (.csv, .xlsx or .ndjson) to see the draft's impact on it.");
        }
        io.tradecheck.engine.RuleSet draftRules;
        try {
            draftRules = packCheck.compile(d.source());
        } catch (io.tradecheck.pack.RulePackException e) {
            validations.put(id, PackCheck.notCompiled(d.source().digest(), e.problems()).verdict());
            return back(id, "The draft does not compile: see the errors below.");
        }
        try (OrderReader reader = OrderFiles.open(file.uploadedFile(), OrderFormat.ofFileName(file.fileName()),
                sheet == null || sheet.isBlank() ? null : sheet)) {
            ImpactReport report = impact.compare(reader, activation.active().current(), draftRules, 1000, change -> { });
            return Response.ok(impactPage.data("draft", d).data("report", report).data("file", file.fileName()).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (OrderFileException e) {
            return back(id, file.fileName() + ": " + e.getMessage());
        }
    }

    @POST
    @Path("{id}/activation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") String id, @RestForm String comment) {
        Draft d = draft(id);
        if (comment == null || comment.isBlank()) {
            return back(id, "Say why in the comment: the version history keeps it with your name.");
        }
        try {
            RuleVersion version = activation.activate(d, caller.get(), comment.strip(), false);
            drafts.delete(id);
            validations.remove(id);
            return redirect("/console/history?activated=" + version.number());
        } catch (ActivationRefusedException e) {
            validations.put(id, e.verdict());
            return back(id, "Not activated: the draft does not validate (errors below).");
        } catch (ActivationConflictException e) {
            return back(id, "Not activated: " + e.getMessage() + " Make a new draft from the version in force.");
        }
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") String id) {
        drafts.delete(id);
        validations.remove(id);
        return redirect("/console/drafts");
    }

    private Response edit(String id, String path, String measure, java.util.function.Function<TableGrid, byte[]> change) {
        Draft d = draft(id);
        RuleFile f = Optional.ofNullable(d.files().get(path))
                .orElseThrow(() -> new NotFoundException("Draft " + id + " has no file " + path));
        String back = "/console/drafts/" + id + "/table?path=" + url(path)
                + (measure == null || measure.isBlank() ? "" : "&measure=" + url(measure));
        try {
            byte[] content = change.apply(TableGrid.parse(f.content()));
            RuleFile next = RulePackSource.file(path, content);
            drafts.update(id, x -> x.withFile(next, drafts.clock().instant()));
            validations.remove(id);
            return redirect(back);
        } catch (TableGrid.EditRefused e) {
            return redirect(back + "&error=" + url(e.column() + ": " + e.getMessage()));
        } catch (UploadRejectedException e) {
            return redirect(back + "&error=" + url(e.getMessage()));
        }
    }

    private Draft newDraft(Map<String, RuleFile> overlay, String comment) {
        RuleActivation.State state = activation.state();
        Map<String, RuleFile> files = new LinkedHashMap<>();
        live().files().forEach(f -> files.put(f.path(), f));
        files.putAll(overlay);
        return drafts.create(files, state.version(), caller.get(), comment);
    }

    private RulePackSource live() {
        return activation.version(activation.state().version().number()).map(RuleHistory.Stored::source)
                .orElseThrow(() -> new IllegalStateException("the version in force is not in the history"));
    }

    private Changes changes(Draft d) {
        RulePackSource base = activation.version(d.baseVersion()).map(RuleHistory.Stored::source).orElse(null);
        Map<String, RuleFile> before = new LinkedHashMap<>();
        if (base != null) {
            base.files().forEach(f -> before.put(f.path(), f));
        }
        return new Changes(
                d.files().keySet().stream().filter(p -> !before.containsKey(p)).sorted().toList(),
                d.files().values().stream().filter(f -> before.containsKey(f.path())
                        && !before.get(f.path()).sha256().equals(f.sha256())).map(RuleFile::path).sorted().toList(),
                before.keySet().stream().filter(p -> !d.files().containsKey(p)).sorted().toList());
    }

    private String matchingTable(String fileName) {
        String name = fileName.replace('\\', '/');
        String base = name.substring(name.lastIndexOf('/') + 1);
        return tablePaths(live()).stream().filter(p -> p.endsWith("/" + base) || p.equals(base)).findFirst().orElse(null);
    }

    private static List<String> tablePaths(RulePackSource source) {
        return source.files().stream().filter(RuleFile::isTable).map(RuleFile::path).sorted().toList();
    }

    private Draft draft(String id) {
        return drafts.get(id).orElseThrow(() -> new NotFoundException("No draft " + id
                + " (drafts are kept in memory, a limited number of them; make a new one)"));
    }

    private Response back(String id, String error) {
        return redirect("/console/drafts/" + id + "?error=" + url(error));
    }

    private Response listWith(String error) {
        String html = list.data("drafts", drafts.list()).data("tables", tablePaths(live())).data("error", error).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static LocalDate date(String column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new TableGrid.EditRefused(column, "'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}

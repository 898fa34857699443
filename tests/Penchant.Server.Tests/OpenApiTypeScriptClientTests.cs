using System.Diagnostics;

namespace Penchant.Server;

/// <summary>
/// The committed OpenAPI document gives a clean TypeScript client: npm's <c>openapi-typescript</c> generates types from
/// <c>src/Penchant.Server/openapi/v1.json</c> and <c>tsc --strict</c> type-checks a small program against them, including
/// lines that must not compile (a null required field, a number sent as a string, an unknown enum value).
/// </summary>
/// <remarks>Needs Node.js and the npm registry; skipped with a reason when <c>node</c> is absent (<c>.ci/run</c> installs it).</remarks>
public sealed class OpenApiTypeScriptClientTests
{
    private const string OpenApiTypeScriptVersion = "7.13.0";
    private const string TypeScriptVersion = "5.9.3";

    private const string Program =
        """
        import type { components, paths } from "./api";

        type Schemas = components["schemas"];

        const remember: Schemas["RememberRequest"] = { text: "I prefer tea.", metadata: { app: "mail" }, ttl: "P7D" };
        const select: Schemas["SelectRequest"] = { text: "Propose a dinner recipe", attributes: { domain: "cooking" } };
        const kind: Schemas["PreferenceKind"] = "rule";
        const magnitude: Schemas["ComparisonMagnitude"] = "much";

        function describe(p: Schemas["PreferenceContract"]): string {
          const strength: number = p.strength;
          const sources: string[] = p.sources;
          return `${p.id} ${p.text} ${p.kind} ${strength.toFixed(2)} ${sources.length} ${p.metadata?.["app"] ?? ""} ${p.expiresAt ?? "never"}`;
        }

        function rank(r: Schemas["RankedCandidateContract"]): number {
          const index: number = r.index;
          return index + r.probability;
        }

        function event(e: Schemas["PreferenceEvent"]): string {
          const sequence: number | undefined = e.sequence;
          const k: string = e.kind ?? "";
          return `${k} ${sequence ?? 0}`;
        }

        type ListResponse = paths["/v1/users/{userId}/preferences"]["get"]["responses"]["200"]["content"]["application/json"];
        const listed: ListResponse = [];

        // @ts-expect-error a required request field is not nullable
        const missingText: Schemas["RememberRequest"] = { text: null };
        // @ts-expect-error an integer is not a string
        const badIndex: Schemas["RankedCandidateContract"]["index"] = "3";
        // @ts-expect-error enums are listed
        const badKind: Schemas["PreferenceKind"] = "wish";

        export const used = [remember, select, kind, magnitude, describe, rank, event, listed, missingText, badIndex, badKind];
        """;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommittedDocument_GeneratesATypeScriptClientThatTypeChecks()
    {
        Assert.SkipUnless(await ExistsAsync("node"), "Node.js is not installed (node not on PATH); .ci/run installs it, so CI runs this test.");
        string root = BadInputMatrixTests.RepositoryRoot();
        string work = Path.Combine(root, "artifacts", "openapi-typescript");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(
            Path.Combine(work, "package.json"),
            $$$"""{"private": true, "devDependencies": {"openapi-typescript": "{{{OpenApiTypeScriptVersion}}}", "typescript": "{{{TypeScriptVersion}}}"}}""",
            Cancellation);
        if (!File.Exists(Path.Combine(work, "node_modules", "openapi-typescript", "package.json")) || !File.Exists(Path.Combine(work, "node_modules", "typescript", "package.json")))
        {
            await RunAsync(work, "npm", "install --no-audit --no-fund --loglevel=error");
        }

        string document = Path.Combine(root, "src", "Penchant.Server", "openapi", "v1.json");
        await RunAsync(work, "node", $"node_modules/openapi-typescript/bin/cli.js \"{document}\" --output api.d.ts");
        await File.WriteAllTextAsync(Path.Combine(work, "main.ts"), Program, Cancellation);

        await RunAsync(work, "node", "node_modules/typescript/bin/tsc --strict --noEmit --target es2022 --module es2022 --moduleResolution bundler main.ts");

        string generated = await File.ReadAllTextAsync(Path.Combine(work, "api.d.ts"), Cancellation);
        Assert.Contains("RememberRequest", generated, StringComparison.Ordinal);
        Assert.Contains("strength: number;", generated, StringComparison.Ordinal);
    }

    private static async Task<bool> ExistsAsync(string command)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo(command, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync(Cancellation);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task RunAsync(string directory, string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(Cancellation);
        Task<string> error = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        Assert.True(process.ExitCode == 0, $"{command} {arguments} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}

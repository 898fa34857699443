using System.Globalization;
using System.Text.RegularExpressions;

namespace Penchant.Cli.Commands;

public sealed partial class EvalSelectionCommandTests(CliFixture cli)
{
    private const string Cases = """
        {"id": "t1", "category": "semantic", "split": "tune", "statements": [{"text": "I'm vegetarian, no meat or fish please.", "at": "2026-01-01T09:00:00Z"}, {"text": "I live in Lyon.", "at": "2026-01-02T09:00:00Z"}, {"text": "Keep code examples in Python.", "at": "2026-01-03T09:00:00Z"}], "request": "Suggest a recipe for dinner tonight.", "expected": [0]}
        {"id": "t2", "category": "semantic", "split": "tune", "statements": [{"text": "I have a peanut allergy.", "at": "2026-01-01T09:00:00Z"}, {"text": "Always write code examples in Python.", "at": "2026-01-02T09:00:00Z"}], "request": "Write a function that sorts a list of numbers.", "expected": [1]}
        {"id": "t3", "category": "none", "split": "holdout", "statements": [{"text": "I prefer an aisle seat when I fly.", "at": "2026-01-01T09:00:00Z"}, {"text": "Cats make me sneeze, I'm allergic.", "at": "2026-01-02T09:00:00Z"}], "request": "What is the capital of Australia?", "expected": []}
        {"id": "t4", "category": "multiple", "split": "tune", "extra": {"ignored": true}, "statements": [{"text": "I'm vegan.", "at": "2026-01-01T09:00:00Z"}, {"text": "I'm allergic to tree nuts.", "at": "2026-01-02T09:00:00Z"}, {"text": "I work as a nurse.", "at": "2026-01-03T09:00:00Z"}], "request": "Give me a recipe for a birthday cake.", "expected": [0, 1]}
        """;

    [Fact]
    public async Task EvalSelection_TinyCases_PrintsSummaryLastWithPlausibleValues()
    {
        // Arrange
        string file = cli.WriteFile("cases.jsonl", Cases);

        // Act
        CliResult result = await cli.RunAsync(["eval", "selection", "--cases", file]);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        Match summary = SummaryPattern().Match(result.Lines[^1]);
        Assert.True(summary.Success, result.ToString());
        Assert.Equal("4", summary.Groups["n"].Value);
        double precision = Value(summary, "precision");
        double recall = Value(summary, "recall");
        double f1 = Value(summary, "f1");
        double exact = Value(summary, "exact");
        Assert.InRange(precision, 0, 1);
        Assert.InRange(recall, 0.2, 1);
        Assert.InRange(f1, 0, 1);
        Assert.InRange(exact, 0, 1);
        Assert.Contains(result.Lines, line => line.StartsWith("category semantic: n=2 ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.StartsWith("category none: n=1 ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task EvalSelection_PrintsTheGateAloneBeforeWhatSelectionReturns()
    {
        string file = cli.WriteFile("cases.jsonl", Cases);

        CliResult result = await cli.RunAsync(["eval", "selection", "--cases", file]);

        // The summary (last line) scores what Select returns (gate and scope filters); the gate alone is a line before it.
        Assert.True(result.ExitCode == 0, result.ToString());
        int gateAlone = result.Lines.ToList().FindIndex(line => line.StartsWith("gate alone: n=4 precision=", StringComparison.Ordinal));
        Assert.InRange(gateAlone, 0, result.Lines.Count - 2);
        Assert.StartsWith("selection: n=4 ", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainGate_SeveralCaseFiles_FitsOnEveryFileAndRecordsThemInTheModel()
    {
        string first = cli.WriteFile("gate-first.jsonl", Cases);
        string second = cli.WriteFile("gate-second.jsonl", """
            {"id": "s1", "statements": [{"text": "My budget for any one phone is 300 euros.", "at": "2026-02-01T09:00:00Z"}, {"text": "I sing in a choir on Tuesdays.", "at": "2026-02-02T09:00:00Z"}, {"text": "The flat has a tiny balcony facing west.", "at": "2026-02-03T09:00:00Z"}], "request": "Which smartphone should I buy next?", "expected": [0]}
            {"id": "s2", "statements": [{"text": "I ride a folding bicycle to the office.", "at": "2026-02-01T09:00:00Z"}, {"text": "Please write Kotlin when you show me code.", "at": "2026-02-02T09:00:00Z"}], "request": "Write a small program that counts words in a file.", "expected": [1]}
            """);
        string model = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N") + ".json");

        CliResult result = await cli.RunAsync(["train", "gate", "--prefeval-cases", "0", "--cases", first, "--cases", second, "--split", "all", "--balance", "--out", model]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("train-gate: cases=4+2 ", result.Lines[^1], StringComparison.Ordinal);
        string written = await File.ReadAllTextAsync(model, TestContext.Current.CancellationToken);
        Assert.Matches($@"4 cases of [^ ]*{Path.GetFileNameWithoutExtension(first)}\.jsonl and 2 cases of [^ ]*{Path.GetFileNameWithoutExtension(second)}\.jsonl", written);
    }

    [Fact]
    public async Task EvalSelection_DumpFeatures_WritesOneLabelledRowPerCaseAndPreference()
    {
        string file = cli.WriteFile("cases.jsonl", Cases);
        string dump = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N") + ".csv");

        CliResult result = await cli.RunAsync(["eval", "selection", "--cases", file, "--dump-features", dump]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] rows = await File.ReadAllLinesAsync(dump, TestContext.Current.CancellationToken);
        Assert.Equal(
            "case,category,applies,text_similarity,text_z,lead,rank,hint_similarity,scope_similarity,scope_match,lexical,strength,neutral,crowd,hint_lead,has_hints,knowledge_hint,neighbourhood,neighbourhood_lead,hint_behind,overridden,out_of_scope,kind,text,scope,hints",
            rows[0]);

        // The preference's text, scope and hints are quoted fields at the end of each row.
        Assert.Contains(rows, r => r.Contains(",\"I'm vegetarian, no meat or fish please.\",", StringComparison.Ordinal));
        Assert.All(rows.Skip(1), row => Assert.Equal(3, row.Split(",\"").Length - 1));
        Assert.Equal(3 + 2 + 2 + 3, rows.Length - 1);
        Assert.Contains(rows, r => r.StartsWith("t1,semantic,1,", StringComparison.Ordinal));
        Assert.Equal(2, rows.Count(r => r.StartsWith("t1,semantic,0,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EvalSelection_SplitAndVerbose_RunsOnlyThatSplitAndExplainsWrongCases()
    {
        string file = cli.WriteFile("cases.jsonl", Cases);

        CliResult result = await cli.RunAsync(["eval", "selection", "--cases", file, "--split", "holdout", "--verbose"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("selection: n=1 ", result.Lines[^1], StringComparison.Ordinal);
        if (result.Lines.Any(line => line.StartsWith("wrong t3", StringComparison.Ordinal)))
        {
            Assert.Contains(result.Lines, line => line.StartsWith("expected: nothing", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EvalSelection_MalformedCase_ExitsOneNamingTheLine()
    {
        string file = cli.WriteFile("cases.jsonl", Cases + "\n{\"id\": \"t5\", \"statements\": [{\"text\": \"I like tea.\"}], \"request\": \"Order a drink\", \"expected\": [3]}\n");

        CliResult result = await cli.RunAsync(["eval", "selection", "--cases", file]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 5", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task EvalSelection_Json_WritesOneReportObject()
    {
        string file = cli.WriteFile("cases.jsonl", Cases);

        CliResult result = await cli.RunAsync(["--json", "eval", "selection", "--cases", file, "--split", "tune"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(3, document.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
    }

    private static double Value(Match match, string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^selection: n=(?<n>\d+) precision=(?<precision>\d\.\d{3}) recall=(?<recall>\d\.\d{3}) f1=(?<f1>\d\.\d{3}) exact=(?<exact>\d\.\d{3}) none_exact=\d\.\d{3} ece=\d\.\d{3}$")]
    private static partial Regex SummaryPattern();
}

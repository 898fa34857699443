using System.Globalization;
using System.Text.Json;

namespace Penchant.Tests.Benchmarks;

/// <summary>
/// The allocation budget (<c>benchmarks/allocation-budget.json</c>) holds for every committed BenchmarkDotNet report:
/// a change that makes a measured path allocate more fails here once its new report is committed.
/// </summary>
public sealed class AllocationBudgetTests
{
    private static readonly string Root = Penchant.Conventions.Repository.Root;

    public static TheoryData<string, double> Budgets()
    {
        var data = new TheoryData<string, double>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "benchmarks", "allocation-budget.json")));
        foreach (JsonElement budget in document.RootElement.GetProperty("budgets").EnumerateArray())
        {
            data.Add(budget.GetProperty("benchmark").GetString()!, budget.GetProperty("maxKilobytes").GetDouble());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void CommittedReport_AllocatesWithinBudget(string benchmark, double maxKilobytes)
    {
        string[] parts = benchmark.Split('.');
        string report = Path.Combine(Root, "benchmarks", "Penchant.Benchmarks", "results", $"Penchant.Benchmarks.{parts[0]}-report-github.md");
        Assert.True(File.Exists(report), $"No committed report for {parts[0]}: run the benchmark and commit {report}.");

        double? allocated = AllocatedKilobytes(File.ReadAllLines(report), parts[1]);

        Assert.True(allocated is not null, $"{benchmark} is not in {report}.");
        Assert.True(allocated <= maxKilobytes, $"{benchmark} allocates {allocated:0.##} KB per operation, over its budget of {maxKilobytes} KB.");
    }

    [Theory]
    [InlineData("| A | 1.0 us | 48.69 KB |", 48.69)]
    [InlineData("| A | 1.0 ms | 21.23 MB |", 21.23 * 1024)]
    [InlineData("| A | 1.0 ns | 512 B |", 0.5)]
    public void AllocatedKilobytes_ReadsTheAllocatedColumnInItsUnit(string row, double expected)
    {
        string[] table = ["| Method | Mean | Allocated |", "|--- |--- |--- |", row];

        Assert.Equal(expected, AllocatedKilobytes(table, "A")!.Value, 6);
    }

    private static double? AllocatedKilobytes(IReadOnlyList<string> lines, string method)
    {
        int column = -1;
        foreach (string line in lines)
        {
            string[] cells = [.. line.Split('|').Skip(1).SkipLast(1).Select(static c => c.Trim())];
            if (cells.Length == 0)
            {
                continue;
            }

            if (cells[0] == "Method")
            {
                column = Array.IndexOf(cells, "Allocated");
            }
            else if (column >= 0 && cells[0] == method)
            {
                string[] value = cells[column].Split(' ');
                double number = double.Parse(value[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                return value[1] switch
                {
                    "B" => number / 1024,
                    "KB" => number,
                    "MB" => number * 1024,
                    "GB" => number * 1024 * 1024,
                    _ => throw new FormatException($"Unknown unit '{value[1]}' in '{line}'."),
                };
            }
        }

        return null;
    }
}

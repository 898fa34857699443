using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Domain;

namespace Penchant.Cli.Output;

/// <summary>Writes rankings and training reports, as text or JSON.</summary>
internal static class RankingOutput
{
    /// <summary>Writes a ranking: one line per candidate, best first, with its probability and the strongest factors.</summary>
    public static void WriteRanking(TextWriter output, CandidateRanking ranking, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ranking, RankingCliJsonContext.Default.CandidateRanking));
            return;
        }

        int position = 1;
        foreach (RankedCandidate candidate in ranking.Candidates)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{position++}. [{candidate.Index}] p={candidate.Probability:0.000} score={candidate.Score:0.000}  {candidate.Text}"));
            foreach (RankingFactor factor in candidate.Factors.Take(3))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     {factor.Contribution,7:+0.000;-0.000}  {factor.Description}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model version {ranking.ModelVersion}; {ranking.Comparisons} personal comparison(s)"));
    }

    /// <summary>Writes a training report.</summary>
    public static void WriteTraining(TextWriter output, TrainingReport report, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, RankingCliJsonContext.Default.TrainingReport));
            return;
        }

        output.WriteLine(report.Comparisons == 0
            ? "nothing to train on: no comparisons, choices or rated pairs in the tenant's logs"
            : string.Create(CultureInfo.InvariantCulture, $"trained model version {report.ModelVersion}: users={report.Users} comparisons={report.Comparisons} accuracy={report.TrainingAccuracy:0.000} temperature={report.Temperature:0.000}"));
    }
}

/// <summary>Source-generated JSON for ranking output.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CandidateRanking))]
[JsonSerializable(typeof(TrainingReport))]
internal sealed partial class RankingCliJsonContext : JsonSerializerContext;

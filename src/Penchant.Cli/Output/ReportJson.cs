namespace Penchant.Cli.Output;

/// <summary>Metrics of a selection evaluation in JSON output.</summary>
internal sealed record SelectionMetricsJson(int N, int Selected, int Correct, int Expected, int Found, double Precision, double Recall, double F1, double Exact);

/// <summary>A case that was not exactly right, in JSON output.</summary>
internal sealed record SelectionMissJson(string Id, string? Category, string Request, IReadOnlyList<string> Expected, IReadOnlyList<SelectedJson> Selected);

/// <summary>A selected preference of a wrong case, in JSON output.</summary>
internal sealed record SelectedJson(string Text, double Probability, IReadOnlyList<int> Statements, bool Correct);

/// <summary>One bin of a reliability diagram in JSON output.</summary>
internal sealed record ReliabilityBinJson(double Lower, double Upper, int N, double MeanProbability, double Observed);

/// <summary>The JSON output of <c>penchant eval selection</c> and <c>penchant eval prefeval-multi</c>.</summary>
internal sealed record SelectionReportJson(
    string Name,
    SelectionMetricsJson Overall,
    double? NoneExact,
    double Ece,
    IReadOnlyList<ReliabilityBinJson> Reliability,
    IReadOnlyDictionary<string, SelectionMetricsJson>? Categories,
    IReadOnlyList<SelectionMissJson>? Wrong);

/// <summary>A PrefEval item that missed, in JSON output.</summary>
internal sealed record PrefEvalMissJson(string Topic, int Index, string Preference, string Question, IReadOnlyList<SelectedJson> Selected);

/// <summary>The JSON output of <c>penchant eval prefeval</c>.</summary>
internal sealed record PrefEvalReportJson(
    int N,
    int Turns,
    double Hit1,
    double Hit5,
    double Precision,
    double Selected,
    IReadOnlyDictionary<string, PrefEvalTopicJson> Topics,
    IReadOnlyList<PrefEvalMissJson>? Misses);

/// <summary>Per-topic PrefEval metrics in JSON output.</summary>
internal sealed record PrefEvalTopicJson(int N, double Hit1, double Hit5, double Precision, double Selected);

/// <summary>The JSON output of <c>forget</c>.</summary>
/// <param name="Forgotten">The preference forgotten.</param>
internal sealed record ForgottenJson(string Forgotten);

/// <summary>What <c>penchant expire</c> forgot.</summary>
/// <param name="Expired">How many expired preferences were forgotten.</param>
internal sealed record ExpiredJson(int Expired);

/// <summary>The JSON output of <c>export --out</c>.</summary>
/// <param name="Events">How many events were written.</param>
/// <param name="Path">The file written.</param>
internal sealed record ExportedJson(int Events, string Path);

/// <summary>The JSON output of <c>penchant eval reactions</c>.</summary>
internal sealed record ReactionReportJson(int Cases, double Accuracy, double MacroF1, Dictionary<string, ReactionClassJson> Classes, List<ReactionMissJson>? Wrong);

/// <summary>One class in the JSON output of <c>penchant eval reactions</c>.</summary>
internal sealed record ReactionClassJson(int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>A misclassified case in the JSON output of <c>penchant eval reactions</c>.</summary>
internal sealed record ReactionMissJson(string Id, string Turn, string Label, string Predicted, string Reason);

using Penchant.Domain;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Output;

/// <summary>Writes command results to standard output, as text for people or as JSON for programs.</summary>
internal interface IOutputFormatter
{
    /// <summary>Writes what a write (remember, observe, import) changed.</summary>
    void WriteWrite(WriteResult result);

    /// <summary>Writes the current preferences.</summary>
    void WritePreferences(IReadOnlyList<Preference> preferences);

    /// <summary>Writes every preference, marking superseded ones.</summary>
    void WriteHistory(IReadOnlyList<Preference> preferences);

    /// <summary>Writes that a preference was forgotten.</summary>
    void WriteForgotten(string preferenceId);

    /// <summary>Writes what a search found: each preference with its fused score and both parts, best first.</summary>
    void WriteMatches(IReadOnlyList<Penchant.Searching.PreferenceMatch> matches);

    /// <summary>Writes how many expired preferences a sweep forgot.</summary>
    void WriteExpired(int preferences);

    /// <summary>Writes a selection: each preference with probability, reasons and sources, then the prompt block.</summary>
    void WriteSelection(Selection selection);

    /// <summary>Writes that the event log was exported to a file.</summary>
    void WriteExported(int events, string path);

    /// <summary>Writes a selection evaluation; the summary is the last line.</summary>
    void WriteSelectionReport(SelectionReport report, bool verbose);

    /// <summary>Writes a PrefEval evaluation; the summary is the last line.</summary>
    void WritePrefEvalReport(PrefEvalReport report, bool verbose);

    /// <summary>Writes the hygiene evaluation; the last line is the summary.</summary>
    void WriteHygieneReport(HygieneReport report, bool verbose);
}

namespace Penchant.Evaluation.Datasets;

/// <summary>One line of a selection cases file, as written.</summary>
internal sealed class SelectionCaseLine
{
    public string? Id { get; set; }

    public List<StatementLine?>? Statements { get; set; }

    public string? Request { get; set; }

    public List<int>? Expected { get; set; }

    public string? Category { get; set; }

    public string? Split { get; set; }
}

/// <summary>A statement of a selection case, as written.</summary>
internal sealed class StatementLine
{
    public string? Text { get; set; }

    public DateTimeOffset? At { get; set; }
}

/// <summary>An item of a PrefEval <c>explicit_preference/&lt;topic&gt;.json</c> file.</summary>
internal sealed class PrefEvalItemLine
{
    public string? Preference { get; set; }

    public string? Question { get; set; }
}

/// <summary>A conversation of PrefEval's <c>filtered_inter_turns.json</c>.</summary>
internal sealed class FillerConversationLine
{
    public List<FillerTurnLine?>? Conversation { get; set; }
}

/// <summary>A message of a filler conversation.</summary>
internal sealed class FillerTurnLine
{
    public string? Role { get; set; }

    public string? Content { get; set; }
}

namespace Penchant.Domain;

/// <summary>A feature of a text's style that a person can name, measured on an output and on the user's edit of it.</summary>
public enum StyleFeature
{
    /// <summary>The number of words.</summary>
    Length = 0,

    /// <summary>The mean number of words per sentence.</summary>
    SentenceLength = 1,

    /// <summary>The share of lines that are list items (bullet points or numbered).</summary>
    Bullets = 2,

    /// <summary>The number of heading lines.</summary>
    Headings = 3,

    /// <summary>The number of emoji.</summary>
    Emoji = 4,

    /// <summary>Whether the text opens with a greeting (1) or not (0).</summary>
    Greeting = 5,

    /// <summary>Whether the text ends with a closing formula (1) or not (0).</summary>
    Closing = 6,

    /// <summary>Formal register (positive) against casual register and contractions (negative).</summary>
    Formality = 7,

    /// <summary>The share of sentences that address the reader ("you").</summary>
    SecondPerson = 8,

    /// <summary>The number of questions.</summary>
    Questions = 9,

    /// <summary>The number of exclamations.</summary>
    Exclamations = 10,

    /// <summary>The number of fenced code blocks.</summary>
    CodeBlocks = 11,
}

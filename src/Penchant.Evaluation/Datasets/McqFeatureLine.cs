namespace Penchant.Evaluation.Datasets;

/// <summary>
/// One multiple-choice item as the stated-preference scorer saw it, written by <c>eval prefeval-mcq --dump-features</c> for
/// study offline: the scorer's features of each option and the embeddings they came from.
/// </summary>
/// <param name="Topic">The item's topic.</param>
/// <param name="Index">The item's index in its topic.</param>
/// <param name="Fitted">Whether the topic is one fitted on.</param>
/// <param name="Correct">The position of the correct option among <paramref name="Options"/>.</param>
/// <param name="Options">The options, in the order shown.</param>
/// <param name="Features">Each option's centred features, in the order of the scorer's feature names.</param>
/// <param name="Request">The embedding of the question.</param>
/// <param name="Preference">The embedding of the preference's text.</param>
/// <param name="Clauses">The clause objects.</param>
/// <param name="Negative">Whether each clause is against its object.</param>
/// <param name="ClauseVectors">The embedding of each clause object.</param>
/// <param name="OptionVectors">The embedding of each option.</param>
internal sealed record McqFeatureLine(
    string Topic,
    int Index,
    bool Fitted,
    int Correct,
    string[] Options,
    double[][] Features,
    float[] Request,
    float[] Preference,
    string[] Clauses,
    bool[] Negative,
    float[][] ClauseVectors,
    float[][] OptionVectors);

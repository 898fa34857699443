using Penchant.Recommending;

namespace Penchant.Evaluation.Evaluators;

/// <summary>What <see cref="NextItemEvaluator"/> measured.</summary>
/// <param name="Items">Distinct items in the data.</param>
/// <param name="Actions">Choices in the data.</param>
/// <param name="Options">The model settings used.</param>
/// <param name="Validation">The model on the validation item (the one before the last), trained without the last two.</param>
/// <param name="Test">The model on the test item (the last), trained without it.</param>
/// <param name="PopularValidation">The most-popular ranker on the validation item.</param>
/// <param name="PopularTest">The most-popular ranker on the test item.</param>
/// <param name="TrainSeconds">Seconds to build the model for the test.</param>
/// <param name="Links">Item-to-item links the test model keeps.</param>
public sealed record NextItemReport(
    int Items,
    int Actions,
    NextItemOptions Options,
    NextItemScores Validation,
    NextItemScores Test,
    NextItemScores PopularValidation,
    NextItemScores PopularTest,
    double TrainSeconds,
    int Links);

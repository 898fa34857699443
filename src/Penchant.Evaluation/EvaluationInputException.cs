namespace Penchant.Evaluation;

/// <summary>
/// An evaluation cannot use its input: a data file is missing, unreadable or malformed, or a setting does not fit the
/// data. The message names the file (and line) and says what is wrong; a command-line host reports it as a user error.
/// </summary>
public sealed class EvaluationInputException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EvaluationInputException"/> class.</summary>
    public EvaluationInputException()
        : base("The evaluation input is not valid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EvaluationInputException"/> class with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public EvaluationInputException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EvaluationInputException"/> class with a message and a cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The failure that revealed it.</param>
    public EvaluationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Penchant.Cli.Infrastructure;

/// <summary>The user gave input the command cannot use (a malformed file, an unusable path); exits with code 1.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException()
        : base("The input is not valid.")
    {
    }

    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

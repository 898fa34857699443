using System.CommandLine;
using Penchant.Evaluation;

namespace Penchant.Cli.Infrastructure;

/// <summary>
/// A <c>penchant</c> command: parses its own arguments, runs <see cref="ExecuteAsync"/>, and turns failures into
/// a message on standard error and an exit code (1 for bad input, 2 for anything else).
/// </summary>
internal abstract class CliCommand : Command
{
    protected CliCommand(string name, string description, GlobalOptions globals, CliEnvironment environment)
        : base(name, description)
    {
        SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(new CommandContext(parseResult, globals, environment), cancellationToken));
    }

    /// <summary>Runs the command.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    protected abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);

    private async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        TextWriter error = context.Environment.Error;
        try
        {
            return await ExecuteAsync(context, cancellationToken);
        }
        catch (CliInputException exception)
        {
            return Fail(error, exception.Message, ExitCodes.UserError);
        }
        catch (EvaluationInputException exception)
        {
            return Fail(error, exception.Message, ExitCodes.UserError);
        }
        catch (NotFoundException exception)
        {
            return Fail(error, exception.Message, ExitCodes.UserError);
        }
        catch (ArgumentException exception)
        {
            return Fail(error, exception.Message, ExitCodes.UserError);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            throw;
        }
        catch (PenchantException exception)
        {
            return Fail(error, exception.Message, ExitCodes.Failure);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Fail(error, $"{exception.GetType().Name}: {exception.Message}", ExitCodes.Failure);
        }
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine($"error: {message}");
        return exitCode;
    }
}

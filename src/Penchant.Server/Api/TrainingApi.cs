using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>Training the key's tenant's ranking model from its users' comparisons, ratings and choices.</summary>
/// <remarks>Routes under <c>/v1</c>, for the key's whole tenant (see <see cref="Handlers"/>).</remarks>
public static class TrainingApi
{
    /// <summary>Maps the training route under <c>/v1</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTrainingApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder tenant = endpoints.MapTenantGroup();

        tenant.MapPost("/train", TrainAsync).WithName("Train")
            .WithSummary("Refit the key's tenant's ranking model from its users' comparisons, ratings and choices");
        return tenant;
    }

    /// <summary>Refits the key's tenant's ranking model from its users' comparisons, ratings and choices (the tenant comes from the key only).</summary>
    /// <param name="request">How to train; the defaults when the body is absent.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was fitted, or a problem.</returns>
    public static async Task<Results<Ok<TrainingResponse>, ProblemHttpResult>> TrainAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TrainRequest? request,
        ClaimsPrincipal principal,
        IPenchant engine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        TrainingReport report = await engine.TrainAsync(Handlers.Tenant(principal), Options(request), cancellationToken);
        return TypedResults.Ok(report.ToContract());
    }

    /// <summary>Validates a training request and fills in the defaults.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    private static TrainingOptions Options(TrainRequest? request)
    {
        var defaults = new TrainingOptions();
        return new TrainingOptions
        {
            Prototypes = InRange(request?.Prototypes ?? defaults.Prototypes, 0, 64, "prototypes"),
            SkewRank = InRange(request?.SkewRank ?? defaults.SkewRank, 0, 32, "skewRank"),
            Epochs = InRange(request?.Epochs ?? defaults.Epochs, 1, 1000, "epochs"),
            Seed = request?.Seed ?? defaults.Seed,
        };
    }

    private static int InRange(int value, int minimum, int maximum, string field) =>
        value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException($"'{field}' ({value}) must be between {minimum} and {maximum}.", field);
}

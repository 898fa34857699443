namespace Penchant.Domain;

/// <summary>
/// Identifies one user inside one tenant. Every engine and store operation is scoped by it,
/// so a tenant can never reach another tenant's users.
/// </summary>
/// <param name="TenantId">The tenant (one application using Penchant).</param>
/// <param name="UserId">The application's own identifier for the user.</param>
public readonly record struct UserKey(string TenantId, string UserId)
{
    /// <summary>The tenant used when none is given.</summary>
    public const string DefaultTenant = "default";

    /// <summary>The longest tenant or user identifier accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Creates a key, validating both identifiers.</summary>
    /// <param name="tenantId">The tenant identifier.</param>
    /// <param name="userId">The user identifier.</param>
    /// <returns>The validated key.</returns>
    /// <exception cref="ArgumentException">An identifier is empty, whitespace, too long or contains control characters.</exception>
    public static UserKey Create(string tenantId, string userId)
    {
        Validate(tenantId);
        Validate(userId);
        return new UserKey(tenantId, userId);
    }

    /// <summary>Validates that this key was built from acceptable identifiers.</summary>
    /// <exception cref="ArgumentException">An identifier is empty, whitespace, too long or contains control characters.</exception>
    public void Validate()
    {
        Validate(TenantId, nameof(TenantId));
        Validate(UserId, nameof(UserId));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{TenantId}/{UserId}";

    private static void Validate(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"An identifier may be at most {MaxIdLength} characters long.", name);
        }

        foreach (char c in id)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("An identifier may not contain control characters.", name);
            }
        }
    }
}

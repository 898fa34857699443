using System.Text.Json;
using System.Text.Json.Serialization;

namespace Penchant.Server.Contracts;

/// <summary>Writes an enum as a camelCase string (<c>statement</c>) and reads names case-insensitively or numbers.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;

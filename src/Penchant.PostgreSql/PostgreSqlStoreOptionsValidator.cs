using Microsoft.Extensions.Options;

namespace Penchant.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/> at start-up (generated from its data annotations).</summary>
[OptionsValidator]
public sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
}

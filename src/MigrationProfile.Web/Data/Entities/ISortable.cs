namespace MigrationProfile.Web.Data.Entities;

/// <summary>Content shown in an order editors choose.</summary>
public interface ISortable
{
    int Id { get; }

    int SortOrder { get; set; }
}

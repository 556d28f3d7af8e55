using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MigrationProfile.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "content_drafts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    country_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_id = table.Column<int>(type: "integer", nullable: true),
                    values_json = table.Column<string>(type: "jsonb", nullable: false),
                    label = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    author_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    based_on_version = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_content_drafts", x => x.id);
                    table.ForeignKey(
                        name: "fk_content_drafts_countries_country_id",
                        column: x => x.country_id,
                        principalTable: "countries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_content_drafts_country_id_updated_at",
                table: "content_drafts",
                columns: new[] { "country_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_content_drafts_kind_item_id_author_id",
                table: "content_drafts",
                columns: new[] { "kind", "item_id", "author_id" },
                unique: true,
                filter: "item_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "content_drafts");
        }
    }
}

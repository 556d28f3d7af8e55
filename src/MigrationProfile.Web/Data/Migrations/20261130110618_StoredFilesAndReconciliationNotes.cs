using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MigrationProfile.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredFilesAndReconciliationNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "file_id",
                table: "publications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "file_id",
                table: "policy_documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reconciliation_note",
                table: "indicator_definitions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_publications_file_id",
                table: "publications",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_documents_file_id",
                table: "policy_documents",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_sha256",
                table: "stored_files",
                column: "sha256");

            migrationBuilder.AddForeignKey(
                name: "fk_policy_documents_stored_files_file_id",
                table: "policy_documents",
                column: "file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_publications_stored_files_file_id",
                table: "publications",
                column: "file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Databases seeded before this migration get the seed's note once (decision 003: changing seeded content of an
            // existing install is a data migration). A fresh database has no indicators yet; its seed writes the note.
            // The text is copied, not referenced, so this migration keeps meaning what it did when it was written.
            const string workingAgeNote =
                "The two figures need not count the same people. The World Bank's is the population aged 15 to 64 in 2024 " +
                "(its indicator SP.POP.1564.TO). STAT KZ's is for the third quarter of 2024; the page this profile was first " +
                "published from does not say which ages or which definition of working age it uses. Until that is recorded here, " +
                "read them as two different measures, not as one correcting the other.";
            migrationBuilder.Sql(
                "UPDATE indicator_definitions SET reconciliation_note = '" + workingAgeNote.Replace("'", "''", StringComparison.Ordinal) + "' " +
                "WHERE code = 'working-age-population' AND reconciliation_note IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_policy_documents_stored_files_file_id",
                table: "policy_documents");

            migrationBuilder.DropForeignKey(
                name: "fk_publications_stored_files_file_id",
                table: "publications");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropIndex(
                name: "ix_publications_file_id",
                table: "publications");

            migrationBuilder.DropIndex(
                name: "ix_policy_documents_file_id",
                table: "policy_documents");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "publications");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "policy_documents");

            migrationBuilder.DropColumn(
                name: "reconciliation_note",
                table: "indicator_definitions");
        }
    }
}

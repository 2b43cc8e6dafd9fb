// For the architecture check only (.dependency-cruiser.cjs): turn `import type` / `export type … from` into value
// imports before Babel's TypeScript preset strips them, so a type-only import counts as a dependency too.
module.exports = () => ({
  visitor: {
    Program: {
      enter(path) {
        for (const node of path.node.body) {
          if (node.type === 'ImportDeclaration') {
            node.importKind = 'value';
            for (const s of node.specifiers) if (s.importKind === 'type') s.importKind = 'value';
          }
          if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
            node.exportKind = 'value';
            for (const s of node.specifiers ?? []) if (s.exportKind === 'type') s.exportKind = 'value';
          }
        }
      },
    },
  },
});

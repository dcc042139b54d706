// Builds the task pane: dist/taskpane.html + taskpane.js, commands.html + commands.js (the
// ribbon's FunctionFile), help.html (SupportUrl) and assets/. `webpack serve` runs an https dev
// server on :3000 with the Office Add-in dev certificates (http with a warning when they are
// unavailable, or when DEV_SERVER_HTTP=1 asks not to install them).
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = 3000;

async function httpsOptions() {
  if (process.env.DEV_SERVER_HTTP) {
    console.warn(`[fund-audit] DEV_SERVER_HTTP is set: serving http://localhost:${PORT} (browser testing only; Office needs https).`);
    return null;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    console.warn(
      `[fund-audit] Office Add-in dev certificates are not available (${err && err.message ? err.message : err}); ` +
        `serving http://localhost:${PORT} instead. Office only loads https add-ins: run "npx office-addin-dev-certs install" and restart.`,
    );
    return null;
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? await httpsOptions() : null;

  return {
    mode: production ? "production" : "development",
    // eval-based source maps would need 'unsafe-eval', which the pane's CSP forbids.
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
      // The validation Web Worker (src/taskpane/worker-validate.ts loads it by this name).
      "validate-worker": "./src/taskpane/validate.worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks (the report's docx renderer) load beside the page; an explicit path keeps out
      // webpack's "auto" detection, whose global shim tries new Function, which the CSP forbids.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: !production } } },
        },
      ],
    },
    performance: { hints: false },
    // No `global` shim: webpack's shim falls back to new Function("return this"), which the CSP forbids.
    node: { global: false },
    optimization: {
      // Stable, path-free module ids: no absolute paths of the build machine in the bundle.
      moduleIds: "deterministic",
      chunkIds: "deterministic",
    },
    plugins: [
      // Fluent UI registers @font-face rules pointing at its CDN at load time. The pane uses the
      // system fonts instead, and the CDN URL must not even be in the bundle.
      new webpack.NormalModuleReplacementPlugin(/^\.\/DefaultFontStyles$/, (resource) => {
        if (/[\\/]@fluentui[\\/]theme[\\/]lib[\\/]fonts$/.test(resource.context || "")) resource.request = path.resolve(__dirname, "src/taskpane/fabric-fonts.ts");
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/taskpane/commands.html", chunks: ["commands"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }, { from: "src/taskpane/legacy-check.js", to: "legacy-check.js" }] }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      server: https ? { type: "https", options: https } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

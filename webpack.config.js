/* eslint-disable */
// Builds the add-in: one shared-runtime page (taskpane.html) that hosts the task pane, the
// ribbon commands and the PERF custom functions; functions.json from the JSDoc wrappers and
// its zh-CN twin from the function registry; icons and the manifest copied beside them.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeFunctionsMetadata } = require("./scripts/localize-functions");

const DEV_URL = "https://localhost:3000/";

class LocalizedFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsMetadata", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const base = assets["functions.json"];
          if (!base) return;
          const zh = localizeFunctionsMetadata(JSON.parse(base.source().toString()), "zh-CN");
          compilation.emitAsset("functions.zh-CN.json", new compiler.webpack.sources.RawSource(JSON.stringify(zh, null, 2)));
        },
      );
    });
  }
}

async function httpsOptions() {
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The file host runs in the browser too (task pane outside Office); the Node built-ins its
      // file-path helpers import are never called there.
      fallback: {
        fs: false,
        "fs/promises": false,
        path: false,
        os: false,
        stream: false,
        crypto: false,
        child_process: false,
      },
      alias: { "node:fs/promises": false, "node:fs": false, "node:path": false, "node:os": false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      // resolve.alias does not apply to `node:` requests (webpack fails with UnhandledSchemeError):
      // drop the scheme so the fallbacks above turn them into empty modules.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      // The streaming file writer deflates with Node's zlib in the CLI and with pako in the pane.
      new webpack.NormalModuleReplacementPlugin(/^\.\/codec$/, (resource) => {
        if (resource.context.endsWith(path.join("hosts", "file", "stream"))) resource.request = "./codec-browser";
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: dev ? { type: "https", options: await httpsOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
module.exports.DEV_URL = DEV_URL;

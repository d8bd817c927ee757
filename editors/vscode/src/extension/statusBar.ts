// The status bar item: healthy and failing counts (client/statusText.ts), a click opens the view.
import * as vscode from "vscode";
import type { ServiceModel } from "../client/serviceModel";
import { statusText } from "../client/statusText";

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly update = (): void => {
    const s = statusText(this.model.services, this.model.connection, this.model.connectionDetail);
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.command = s.command;
    this.item.backgroundColor = s.background != null ? new vscode.ThemeColor(s.background) : undefined;
  };

  constructor(private readonly model: ServiceModel) {
    this.item = vscode.window.createStatusBarItem("aurora.status", vscode.StatusBarAlignment.Left, 50);
    this.item.name = "Aurora";
    model.on("changed", this.update);
    model.on("connection", this.update);
    this.update();
    this.item.show();
  }

  dispose(): void {
    this.model.off("changed", this.update);
    this.model.off("connection", this.update);
    this.item.dispose();
  }
}

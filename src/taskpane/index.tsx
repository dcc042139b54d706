import "./fabric-config";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Text } from "@fluentui/react";

createRoot(document.getElementById("root") as HTMLElement).render(<Text>专项资金审核</Text>);

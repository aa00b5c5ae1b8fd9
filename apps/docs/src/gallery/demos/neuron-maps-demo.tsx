"use client";

import type { NetworkSpec } from "@neuronlab/engine/network-spec";
import { NeuronMaps } from "@neuronlab/viz/neuron-maps";
import { useState } from "react";
import {
  TrainingControls,
  TrainingStatus,
  useTrainingDemo,
  type DemoDataset,
} from "./decision-boundary-demo";

const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 6, activation: "tanh" },
    { units: 6, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

const DATASETS: readonly DemoDataset[] = ["circle", "spirals", "xor"];

export function NeuronMapsDemo() {
  const [dataset, setDataset] = useState<DemoDataset>("circle");
  const [noise, setNoise] = useState(0.1);
  const demo = useTrainingDemo(SPEC, { dataset, noise, stepsPerFrame: 4 });
  return (
    <div>
      <TrainingControls
        demo={demo}
        dataset={dataset}
        onDatasetChange={setDataset}
        noise={noise}
        onNoiseChange={setNoise}
        datasets={DATASETS}
      />
      <TrainingStatus demo={demo} />
      <NeuronMaps
        className="mt-4"
        spec={SPEC}
        weights={demo.trainer.getWeights()}
        caption="A 2-6-6-1 tanh network: the first layer cuts the plane with straight edges, the second combines the cuts, the output combines those."
      />
    </div>
  );
}
